import Foundation
import Testing

@testable import LoadTesting

struct ScenarioFileTests {
    private func parse(_ json: String) throws(ScenarioFileError) -> Scenario {
        try ScenarioFile.parse(Data(json.utf8), defaultName: "test")
    }

    private func problem(_ json: String) -> String {
        do {
            _ = try parse(json)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func readsUsersTasksWaitsAndGenerators() throws {
        let scenario = try parse("""
            {"name": "shop", "users": [{"name": "Buyer", "weight": 2, "wait": {"between": [0.5, 1.5]}, "tasks": [
              {"name": "/albums/{id}", "path": "/albums/{{captured albumID or 7}}", "weight": 3},
              {"method": "post", "path": "/albums", "expect": 201, "headers": {"X-Test": "1"},
               "body": {"title": "Album {{counter}}", "price": "{{randomInt 5 5}}", "tags": ["{{uuid}}", true, null]},
               "capture": {"albumID": "id"}}
            ]}]}
            """)
        #expect(scenario.name == "shop")
        let user = scenario.userTypes[0]
        #expect(user.name == "Buyer" && user.weight == 2 && user.wait == .between(.milliseconds(500), .milliseconds(1_500)))
        var context = UserContext(userIndex: 0)
        let get = user.tasks[0].makeRequest(&context)
        #expect(get.path == "/albums/7" && get.name == "/albums/{id}" && get.expectedStatuses == Set(200...299))
        let post = user.tasks[1].makeRequest(&context)
        #expect(post.method == "POST" && post.expectedStatuses == [201] && post.headers.first?.value == "1")
        let body = String(decoding: post.body ?? [], as: UTF8.self)
        #expect(body.hasPrefix(#"{"price":5,"tags":[""#) && body.hasSuffix(#"",true,null],"title":"Album 1"}"#))
        user.tasks[1].onSuccess?(201, Array(#"{"id": 42}"#.utf8), &context)
        #expect(user.tasks[0].makeRequest(&context).path == "/albums/42")
    }

    @Test(arguments: [
        (#"{"users": []}"#, "users: a non-empty list of user types is required."),
        (#"{"users": [{"tasks": [{"path": "/a", "wieght": 2}]}]}"#, "users[0].tasks[0].wieght: unknown key 'wieght'"),
        (#"{"users": [{"tasks": [{"path": "albums"}]}]}"#, "users[0].tasks[0].path: 'albums' must start with '/'"),
        (#"{"users": [{"tasks": [{"path": "/a/{{randomint 1 2}}"}]}]}"#, "users[0].tasks[0].path: '/a/{{randomint 1 2}}': unknown generator"),
        (#"{"users": [{"tasks": [{"path": "/a", "weight": 0}]}]}"#, "users[0].tasks[0].weight: expected a whole number of at least 1"),
        (#"{"users": [{"wait": {"between": [2, 1]}, "tasks": [{"path": "/a"}]}]}"#, "users[0].wait.between: the low bound"),
        (#"{"users": [{"tasks": [{"path": "/a", "expect": 700}]}]}"#, "users[0].tasks[0].expect: write an HTTP status"),
        (#"{"users": [{"tasks": [{"path": "/a", "body": {"n": "{{counter"}}]}]}"#, "users[0].tasks[0].body.n: '{{' without '}}'"),
        (#"{"users": [{"tasks": [{"method": "FETCH", "path": "/a"}]}]}"#, "users[0].tasks[0].method: unknown method 'FETCH'"),
        (#"{"users": [{"tasks": [{"path": "/albums/a b"}]}]}"#, "users[0].tasks[0].path: '/albums/a b' contains a space or control character; percent-encode it"),
        (#"{"users": [{"tasks": [{"path": "/a", "headers": {"X Y": "1"}}]}]}"#, "users[0].tasks[0].headers.X Y: 'X Y' is not a header name"),
        (#"{"users": [{"tasks": [{"path": "/a", "headers": {"X-Y": "1\r\nEvil: 2"}}]}]}"#, "users[0].tasks[0].headers.X-Y: the value contains a line break"),
        ("{\"users\": [", "not valid JSON"),
    ])
    func rejectsBadFilesWithTheLocationAndTheProblem(json: String, expected: String) {
        #expect(problem(json).contains(expected), "\(problem(json))")
    }

    /// What a `{{captured albumID}}` with no capturing task must be told.
    private static let albumIDNotCaptured = #"no task in this user type captures 'albumID'"#
    private static let albumIDAdvice =
        #"add "capture": {"albumID": "<json field>"} to a task, or give a fallback: {{captured albumID or 1}}."#

    @Test(arguments: [
        (#"{"users": [{"tasks": [{"path": "/albums/{{captured albumID}}"}]}]}"#, "users[0].tasks[0].path: "),
        (
            #"{"users": [{"tasks": [{"path": "/a"}, {"method": "POST", "path": "/a", "body": {"tags": ["x", "{{captured albumID}}"]}}]}]}"#,
            "users[0].tasks[1].body.tags[1]: "
        ),
        (
            #"{"users": [{"tasks": [{"path": "/a", "capture": {"albumId": "id"}}, {"path": "/albums/{{captured albumID}}"}]}]}"#,
            "users[0].tasks[1].path: "
        ),
        (
            #"{"users": [{"name": "Writer", "tasks": [{"method": "POST", "path": "/a", "capture": {"albumID": "id"}}]},"#
                + #" {"name": "Reader", "tasks": [{"path": "/albums/{{captured albumID}}"}]}]}"#,
            "users[1].tasks[0].path: "
        ),
    ])
    func rejectsACapturedValueNoTaskOfTheUserTypeCaptures(json: String, location: String) {
        let problem = problem(json)
        #expect(problem.contains(location + Self.albumIDNotCaptured), "\(problem)")
        #expect(problem.hasSuffix(Self.albumIDAdvice), "\(problem)")
    }

    @Test func acceptsACapturedValueWithAFallbackOrCapturedByAnyTaskOfTheUserType() throws {
        let scenario = try parse("""
            {"users": [
              {"tasks": [{"path": "/albums/{{captured albumID or 1}}"}]},
              {"tasks": [
                {"path": "/albums/{{captured albumID}}", "body": {"artist": "{{captured artist}}"}},
                {"method": "POST", "path": "/albums", "capture": {"albumID": "id", "artist": "artist"}}
              ]}
            ]}
            """)
        var context = UserContext(userIndex: 0)
        #expect(scenario.userTypes[0].tasks[0].makeRequest(&context).path == "/albums/1")
        scenario.userTypes[1].tasks[1].onSuccess?(201, Array(#"{"id": "9", "artist": "A"}"#.utf8), &context)
        let read = scenario.userTypes[1].tasks[0].makeRequest(&context)
        #expect(read.path == "/albums/9")
        #expect(read.body == Array(#"{"artist":"A"}"#.utf8))
    }

    @Test func loadingRejectsACapturedValueNoTaskCapturesWithTheFileAndLocation() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("scalelab-uncaptured-\(UUID()).json").path
        try #"{"users": [{"tasks": [{"path": "/albums/{{captured albumID}}"}]}]}"#.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try ScenarioFile.load(path: path)
            Issue.record("the file loaded")
        } catch {
            #expect(error.description.hasPrefix("\(path): users[0].tasks[0].path: " + Self.albumIDNotCaptured))
            #expect(error.description.hasSuffix(Self.albumIDAdvice))
        }
    }

    @Test func namesTheFileInErrors() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("scalelab-bad-\(UUID()).json").path
        try #"{"users": [{"tasks": []}]}"#.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: ScenarioFileError.self) { try ScenarioFile.load(path: path) }
        do {
            _ = try ScenarioFile.load(path: path)
        } catch {
            #expect(error.description == "\(path): users[0].tasks: a non-empty list of tasks is required.")
        }
    }
}
