import AlbumService
import Hummingbird
import HummingbirdTesting
import Testing

/// Bad input gets the right status and a JSON error that says what to do, and changes nothing.
@Suite(.serialized) struct AlbumErrorTests {
    /// A request expected to fail, and words its error message must contain.
    struct BadWrite: CustomTestStringConvertible, Sendable {
        var label: String
        var method: HTTPRequest.Method = .post
        var uri = "/albums"
        var contentType: String? = "application/json"
        var body: String
        var status: HTTPResponse.Status = .badRequest
        var messageMentions: String

        var testDescription: String { label }
    }

    static let badWrites: [BadWrite] = [
        BadWrite(label: "malformed JSON", body: #"{"title": "Blue"#, messageMentions: "not valid JSON"),
        BadWrite(label: "empty body", body: "", messageMentions: "not valid JSON"),
        BadWrite(label: "not an object", body: "[1, 2]", messageMentions: "must be a JSON object"),
        BadWrite(label: "missing title", body: #"{"artist":"A","price":1}"#, messageMentions: "Missing field 'title'"),
        BadWrite(label: "missing price", body: #"{"title":"T","artist":"A"}"#, messageMentions: "Missing field 'price'"),
        BadWrite(label: "mistyped price", body: #"{"title":"T","artist":"A","price":"9.99"}"#, messageMentions: "Field 'price' must be a number"),
        BadWrite(label: "mistyped title", body: #"{"title":7,"artist":"A","price":1}"#, messageMentions: "Field 'title' must be a string"),
        BadWrite(label: "null artist", body: #"{"title":"T","artist":null,"price":1}"#, messageMentions: "Field 'artist' must not be null"),
        BadWrite(label: "empty title", body: #"{"title":"","artist":"A","price":1}"#, messageMentions: "Field 'title' must not be empty"),
        BadWrite(label: "blank artist", body: #"{"title":"T","artist":"  \t","price":1}"#, messageMentions: "Field 'artist' must not be empty"),
        BadWrite(label: "negative price", body: #"{"title":"T","artist":"A","price":-0.01}"#, messageMentions: "Field 'price' must not be negative"),
        BadWrite(label: "absurd price", body: #"{"title":"T","artist":"A","price":1e12}"#, messageMentions: "Field 'price' must be at most"),
        BadWrite(label: "non-finite price", body: #"{"title":"T","artist":"A","price":1e400}"#, messageMentions: "price"),
        BadWrite(label: "invalid id", body: #"{"id":"a/b","title":"T","artist":"A","price":1}"#, messageMentions: "Field 'id' must be 1 to 64"),
        BadWrite(
            label: "duplicate id", body: #"{"id":"2","title":"T","artist":"A","price":1}"#, status: .conflict,
            messageMentions: "An album with id '2' already exists"),
        BadWrite(
            label: "form content type", contentType: "application/x-www-form-urlencoded", body: "title=T",
            status: .unsupportedMediaType, messageMentions: "send the album as application/json"),
        BadWrite(
            label: "text content type", contentType: "text/plain", body: #"{"title":"T","artist":"A","price":1}"#,
            status: .unsupportedMediaType, messageMentions: "is not JSON"),
        BadWrite(
            label: "body over 1 MiB", body: #"{"title":""# + String(repeating: "x", count: 1 << 20) + #"","artist":"A","price":1}"#,
            status: .contentTooLarge, messageMentions: "larger than 1048576 bytes"),
        BadWrite(
            label: "PUT of an unknown album", method: .put, uri: "/albums/99", body: #"{"title":"T","artist":"A","price":1}"#,
            status: .notFound, messageMentions: "No album has id '99'"),
        BadWrite(
            label: "PUT with a negative price", method: .put, uri: "/albums/1", body: #"{"title":"T","artist":"A","price":-5}"#,
            messageMentions: "must not be negative"),
        BadWrite(
            label: "DELETE of an unknown album", method: .delete, uri: "/albums/99", contentType: nil, body: "",
            status: .notFound, messageMentions: "No album has id '99'"),
    ]

    @Test(arguments: EngineOnStore.all, badWrites)
    func badWriteIsRejectedAndStoresNothing(on setup: EngineOnStore, _ write: BadWrite) async throws {
        try await withClient(setup.engine, setup.store) { client in
            let listBefore = try await client.execute(uri: "/albums", method: .get)
            var headers: HTTPFields = [:]
            if let contentType = write.contentType { headers[.contentType] = contentType }
            let response = try await client.execute(
                uri: write.uri, method: write.method, headers: headers, body: ByteBuffer(string: write.body))
            #expect(response.status == write.status)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let message = try decode(ErrorBody.self, from: response.body).error
            #expect(message.contains(write.messageMentions), "message: \(message)")
            // On a new connection: a 413 closes this one.
            let listAfter = try await TestClient.withClient(host: "localhost", port: try #require(client.port)) {
                try await $0.get("/albums")
            }
            #expect(listAfter.body == listBefore.body)
            #expect(listAfter.headers[.eTag] == listBefore.headers[.eTag], "the store's version did not change")
        }
    }

    /// A store whose database is down: every route that reads or writes albums answers 503
    /// with Retry-After and a JSON error, on both engines; the others still answer.
    @Test(arguments: ServerEngine.allCases)
    func unavailableStoreIs503WithRetryAfter(engine: ServerEngine) async throws {
        let store = HeldAlbumStore(isDown: true)
        try await makeApplication(
            configuration: AlbumServerConfiguration(engine: engine, idleTimeout: .seconds(3_600)), store: store, logger: quietLogger
        ).test(.live) { client in
            for (method, uri) in [(HTTPRequest.Method.get, "/albums"), (.get, "/albums/1"), (.delete, "/albums/1"), (.get, "/health")] {
                let response = try await client.execute(uri: uri, method: method)
                #expect(response.status == .serviceUnavailable, "\(method) \(uri)")
                #expect(response.headers[.retryAfter] == String(APIError.retryAfterSeconds))
                #expect(try decode(ErrorBody.self, from: response.body).error.contains("the test's database is down"))
            }
            let created = try await client.postAlbum(#"{"title":"T","artist":"A","price":1}"#)
            #expect(created.status == .serviceUnavailable)
            #expect(try await client.execute(uri: "/openapi.json", method: .get).status == .ok)
        }
        #expect(store.inner.count == 3)
    }

    @Test(arguments: ServerEngine.allCases, TestStore.available)
    func unknownAlbumIs404(engine: ServerEngine, store: TestStore) async throws {
        try await withClient(engine, store) { client in
            let response = try await client.execute(uri: "/albums/42", method: .get)
            #expect(response.status == .notFound)
            #expect(try decode(ErrorBody.self, from: response.body).error.contains("No album has id '42'"))
        }
    }

    /// Methods the HTTP/1 parser knows but no route of the service takes.
    static let propfind = HTTPRequest.Method("PROPFIND")!
    static let mkcol = HTTPRequest.Method("MKCOL")!

    /// A known path, a method it does not take, and the methods the 405 must name.
    struct WrongMethod: CustomTestStringConvertible, Sendable {
        var uri: String
        var method: HTTPRequest.Method
        var allow: String
        var use: String

        var testDescription: String { "\(method.rawValue) \(uri)" }
    }

    static let wrongMethods: [WrongMethod] = [
        WrongMethod(uri: "/albums", method: .delete, allow: "GET, POST, HEAD, OPTIONS", use: "use GET or POST"),
        WrongMethod(uri: "/albums", method: .patch, allow: "GET, POST, HEAD, OPTIONS", use: "use GET or POST"),
        WrongMethod(uri: "/albums", method: propfind, allow: "GET, POST, HEAD, OPTIONS", use: "use GET or POST"),
        WrongMethod(uri: "/albums/", method: mkcol, allow: "GET, POST, HEAD, OPTIONS", use: "use GET or POST"),
        WrongMethod(uri: "/albums/1", method: .post, allow: "GET, PUT, DELETE, HEAD, OPTIONS", use: "use GET or PUT or DELETE"),
        WrongMethod(uri: "/albums/1", method: .patch, allow: "GET, PUT, DELETE, HEAD, OPTIONS", use: "use GET or PUT or DELETE"),
        WrongMethod(uri: "/albums/1", method: propfind, allow: "GET, PUT, DELETE, HEAD, OPTIONS", use: "use GET or PUT or DELETE"),
        WrongMethod(uri: "/albums/99", method: .trace, allow: "GET, PUT, DELETE, HEAD, OPTIONS", use: "use GET or PUT or DELETE"),
        WrongMethod(uri: "/health", method: .put, allow: "GET, HEAD, OPTIONS", use: "use GET."),
        WrongMethod(uri: "/metrics?x=1", method: .patch, allow: "GET, HEAD, OPTIONS", use: "use GET."),
        WrongMethod(uri: "/openapi.json", method: propfind, allow: "GET, HEAD, OPTIONS", use: "use GET."),
    ]

    /// Any method a known path does not take, common or not, gets 405 with `Allow`.
    @Test(arguments: ServerEngine.allCases, wrongMethods)
    func wrongMethodIs405WithAllow(engine: ServerEngine, _ wrong: WrongMethod) async throws {
        try await withClient(engine) { client in
            let response = try await client.execute(uri: wrong.uri, method: wrong.method)
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == wrong.allow)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let message = try decode(ErrorBody.self, from: response.body).error
            #expect(message.contains("\(wrong.method.rawValue) is not allowed on"), "message: \(message)")
            #expect(message.contains(wrong.use), "message: \(message)")
        }
    }

    /// A path no route has stays 404 whatever the method.
    @Test(
        arguments: ServerEngine.allCases,
        [("/songs", HTTPRequest.Method.get), ("/songs", propfind), ("/albums/1/tracks", .patch), ("/albums/1/tracks", mkcol)])
    func unknownPathIs404ForAnyMethod(engine: ServerEngine, target: (uri: String, method: HTTPRequest.Method)) async throws {
        let (uri, method) = target
        try await withClient(engine) { client in
            let response = try await client.execute(uri: uri, method: method)
            #expect(response.status == .notFound)
            #expect(response.headers[.allow] == nil)
            #expect(try decode(ErrorBody.self, from: response.body).error.contains("No route matches \(method.rawValue) \(uri)"))
        }
    }

    /// A 405 is counted under its route, as the answers of the route's handlers are.
    @Test(arguments: ServerEngine.allCases)
    func unknownMethodIsCountedUnderItsRoute(engine: ServerEngine) async throws {
        try await withClient(engine) { client in
            try await client.execute(uri: "/albums/1", method: Self.propfind)
            let metrics = try await client.execute(uri: "/metrics", method: .get).body.text
            let counted = metrics.split(separator: "\n").filter { $0.hasPrefix("http_requests_total{") && $0.contains(#""PROPFIND""#) }
            #expect(counted.count == 1, "metrics: \(metrics)")
            #expect(counted.first?.contains(#""/albums/{id}""#) == true, "metrics: \(metrics)")
            #expect(counted.first?.contains(#""405""#) == true, "metrics: \(metrics)")
        }
    }

    @Test(arguments: ServerEngine.allCases, ["0", "-3", "ten", "1.5"])
    func badLimitIs400(engine: ServerEngine, limit: String) async throws {
        try await withClient(engine) { client in
            let response = try await client.execute(uri: "/albums?limit=\(limit)", method: .get)
            #expect(response.status == .badRequest)
            #expect(try decode(ErrorBody.self, from: response.body).error.contains("'limit' must be a whole number"))
        }
    }

    @Test(arguments: ServerEngine.allCases)
    func unknownCursorIs404(engine: ServerEngine) async throws {
        try await withClient(engine) { client in
            let response = try await client.execute(uri: "/albums?limit=2&after=nope", method: .get)
            #expect(response.status == .notFound)
            #expect(try decode(ErrorBody.self, from: response.body).error.contains("'after' names no album"))
        }
    }
}
