import Testing

@testable import LoadTesting

struct ScenarioTests {
    @Test func tasksArePickedInProportionToTheirWeights() {
        let type = UserType("user", tasks: [
            LoadTask(LoadRequest(path: "/a"), weight: 3),
            LoadTask(LoadRequest(path: "/b"), weight: 1),
        ])
        var random = SplitMixRandomNumberGenerator(seed: 7)
        let draws = 20_000
        let heavy = (0..<draws).filter { _ in type.randomTask(using: &random).name == "/a" }.count
        #expect(abs(Double(heavy) / Double(draws) - 0.75) < 0.02)
    }

    @Test func userTypesAreSpreadByWeight() {
        let scenario = Scenario(name: "mixed", userTypes: [
            UserType("reader", weight: 3, tasks: [LoadTask(LoadRequest(path: "/r"))]),
            UserType("writer", weight: 1, tasks: [LoadTask(LoadRequest(path: "/w"))]),
        ])
        let names = (0..<8).map { scenario.userType(forUser: $0).name }
        #expect(names == ["reader", "reader", "reader", "writer", "reader", "reader", "reader", "writer"])
    }

    /// The counts per type equal what dealing the users one by one gives, for every size.
    @Test func userCountsEqualTheTypesDealt() {
        let scenario = Scenario(name: "three", userTypes: [
            UserType("a", weight: 3, tasks: [LoadTask(LoadRequest(path: "/a"))]),
            UserType("b", weight: 1, tasks: [LoadTask(LoadRequest(path: "/b"))]),
            UserType("c", weight: 2, tasks: [LoadTask(LoadRequest(path: "/c"))]),
        ])
        for users in 0...25 {
            let dealt = (0..<users).map { scenario.userType(forUser: $0).name }
            #expect(scenario.userCounts(users) == ["a", "b", "c"].map { name in dealt.filter { $0 == name }.count }, "\(users) users")
        }
    }

    @Test func builtInAlbumScenariosSendTheOriginalRequests() {
        var context = UserContext(userIndex: 0)
        let albums = Scenario.albums.userTypes[0]
        #expect(albums.tasks.map(\.weight) == [3, 1])
        let get = albums.tasks[0].makeRequest(&context)
        #expect(get.method == "GET" && get.path == "/albums" && get.expectedStatuses == [200])
        let post = albums.tasks[1].makeRequest(&context)
        #expect(post.method == "POST" && post.path == "/albums" && post.expectedStatuses == [201])
        #expect(String(decoding: post.body ?? [], as: UTF8.self).contains(#""artist":"ScaleLab""#))
    }

    @Test func albumsByIDRequestsCapturedIDs() {
        var context = UserContext(userIndex: 0)
        let tasks = Scenario.albumsByID.userTypes[0].tasks
        let seeded = tasks[0].makeRequest(&context)
        #expect(["/albums/1", "/albums/2", "/albums/3"].contains(seeded.path))
        #expect(seeded.name == "/albums/{id}")
        tasks[1].onSuccess?(201, Array(#"{"id":"42","title":"x"}"#.utf8), &context)
        #expect(tasks[0].makeRequest(&context).path == "/albums/42")
    }

    @Test func waitTimesFollowLocustsDefinitions() {
        var random = SystemRandomNumberGenerator()
        #expect(WaitTime.none.delay(afterTaskThatTook: .seconds(1), using: &random) == .zero)
        #expect(WaitTime.constant(.seconds(2)).delay(afterTaskThatTook: .seconds(1), using: &random) == .seconds(2))
        #expect(WaitTime.pacing(.seconds(2)).delay(afterTaskThatTook: .milliseconds(500), using: &random) == .milliseconds(1_500))
        #expect(WaitTime.pacing(.seconds(1)).delay(afterTaskThatTook: .seconds(3), using: &random) == .zero)
        #expect(WaitTime.throughput(4).delay(afterTaskThatTook: .milliseconds(50), using: &random) == .milliseconds(200))
        for _ in 0..<100 {
            let wait = WaitTime.between(.seconds(1), .seconds(2)).delay(afterTaskThatTook: .zero, using: &random)
            #expect(wait >= .seconds(1) && wait <= .seconds(2))
        }
    }

    @Test func aUserKeepsOnlyTheMostRecentCapturedValues() {
        var context = UserContext(userIndex: 0)
        for value in 0..<(UserContext.capturedValuesKept + 5) { context.capture(String(value), as: "id") }
        let kept = context.captured["id"] ?? []
        #expect(kept.count == UserContext.capturedValuesKept)
        #expect(kept.first == "5" && kept.last == String(UserContext.capturedValuesKept + 4))
    }
}
