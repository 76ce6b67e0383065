import AlbumService
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Every route's successful answers, with each engine on each store.
@Suite(.serialized) struct AlbumRoutesTests {
    @Test(arguments: ServerEngine.allCases, TestStore.available)
    func listsTheClassicAlbumsInOrder(engine: ServerEngine, store: TestStore) async throws {
        try await withClient(engine, store) { client in
            let response = try await client.execute(uri: "/albums", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let albums = try decode([Album].self, from: response.body)
            #expect(
                albums == [
                    Album(id: "1", title: "Blue Train", artist: "John Coltrane", price: 56.99),
                    Album(id: "2", title: "Jeru", artist: "Gerry Mulligan", price: 17.99),
                    Album(id: "3", title: "Sarah Vaughan and Clifford Brown", artist: "Sarah Vaughan", price: 39.99),
                ])
        }
    }

    @Test(arguments: ServerEngine.allCases, TestStore.available)
    func getsOneAlbumByID(engine: ServerEngine, store: TestStore) async throws {
        try await withClient(engine, store) { client in
            let response = try await client.execute(uri: "/albums/2", method: .get)
            #expect(response.status == .ok)
            #expect(try decode(Album.self, from: response.body).title == "Jeru")
        }
    }

    @Test(arguments: ServerEngine.allCases, TestStore.available)
    func postAssignsTheNextFreeIDAndAnswersWithLocation(engine: ServerEngine, store: TestStore) async throws {
        try await withClient(engine, store) { client in
            let response = try await client.postAlbum(#"{"title":"Kind of Blue","artist":"Miles Davis","price":29.99}"#)
            #expect(response.status == .created)
            #expect(response.headers[.location] == "/albums/4")
            let created = try decode(Album.self, from: response.body)
            #expect(created == Album(id: "4", title: "Kind of Blue", artist: "Miles Davis", price: 29.99))
            let fetched = try await client.execute(uri: "/albums/4", method: .get)
            #expect(try decode(Album.self, from: fetched.body) == created)
            let list = try decode([Album].self, from: try await client.execute(uri: "/albums", method: .get).body)
            #expect(list.last == created)
        }
    }

    @Test(arguments: ServerEngine.allCases, TestStore.available)
    func postKeepsAClientChosenIDAndSkipsItLater(engine: ServerEngine, store: TestStore) async throws {
        try await withClient(engine, store) { client in
            let chosen = try await client.postAlbum(#"{"id":"4","title":"A Love Supreme","artist":"John Coltrane","price":20}"#)
            #expect(chosen.status == .created)
            #expect(chosen.headers[.location] == "/albums/4")
            let assigned = try await client.postAlbum(#"{"title":"Giant Steps","artist":"John Coltrane","price":18.5}"#)
            #expect(try decode(Album.self, from: assigned.body).id == "5")
        }
    }

    /// Any text JSON can carry comes back as sent, NUL and control characters included
    /// (PostgreSQL's `text` cannot hold NUL: schemathesis found it).
    @Test(arguments: ServerEngine.allCases, TestStore.available)
    func textComesBackAsSent(engine: ServerEngine, store: TestStore) async throws {
        try await withClient(engine, store) { client in
            let sent = Album(id: "weird", title: "Nul \u{0}, tab \t, quote \" and 🎷", artist: "Ünïcödé\u{1F}", price: 0.1)
            let body = String(decoding: try JSONEncoder().encode(sent), as: UTF8.self)
            let created = try await client.postAlbum(body)
            #expect(created.status == .created)
            #expect(try decode(Album.self, from: created.body) == sent)
            let fetched = try await client.execute(uri: "/albums/weird", method: .get)
            #expect(try decode(Album.self, from: fetched.body) == sent)
            let replaced = try await client.execute(uri: "/albums/weird", method: .put, headers: jsonHeaders, body: ByteBuffer(string: body))
            #expect(try decode(Album.self, from: replaced.body) == sent)
            #expect(try decode([Album].self, from: try await client.execute(uri: "/albums", method: .get).body).last == sent)
        }
    }

    @Test(arguments: ServerEngine.allCases, TestStore.available)
    func postWithoutContentTypeIsReadAsJSON(engine: ServerEngine, store: TestStore) async throws {
        try await withClient(engine, store) { client in
            let response = try await client.postAlbum(#"{"title":"Mingus Ah Um","artist":"Charles Mingus","price":12}"#, headers: [:])
            #expect(response.status == .created)
        }
    }

    @Test(arguments: ServerEngine.allCases, TestStore.available)
    func putReplacesAnAlbumInPlace(engine: ServerEngine, store: TestStore) async throws {
        try await withClient(engine, store) { client in
            let response = try await client.execute(
                uri: "/albums/2", method: .put, headers: jsonHeaders,
                body: ByteBuffer(string: #"{"id":"2","title":"Jeru (Remastered)","artist":"Gerry Mulligan","price":19.99}"#))
            #expect(response.status == .ok)
            #expect(try decode(Album.self, from: response.body).price == 19.99)
            let list = try decode([Album].self, from: try await client.execute(uri: "/albums", method: .get).body)
            #expect(list.map(\.id) == ["1", "2", "3"])
            #expect(list[1].title == "Jeru (Remastered)")
        }
    }

    /// The URL names the album; an `id` in the body is ignored (RFC 9110, 9.3.4).
    @Test(arguments: ServerEngine.allCases, TestStore.available)
    func putIgnoresADifferentIDInTheBody(engine: ServerEngine, store: TestStore) async throws {
        try await withClient(engine, store) { client in
            let response = try await client.execute(
                uri: "/albums/1", method: .put, headers: jsonHeaders,
                body: ByteBuffer(string: #"{"id":"2","title":"T","artist":"A","price":1}"#))
            #expect(response.status == .ok)
            #expect(try decode(Album.self, from: response.body) == Album(id: "1", title: "T", artist: "A", price: 1))
            let list = try decode([Album].self, from: try await client.execute(uri: "/albums", method: .get).body)
            #expect(list.map(\.id) == ["1", "2", "3"])
            #expect(list[1].title == "Jeru")
        }
    }

    @Test(arguments: ServerEngine.allCases, TestStore.available)
    func deleteRemovesAnAlbum(engine: ServerEngine, store: TestStore) async throws {
        try await withClient(engine, store) { client in
            let response = try await client.execute(uri: "/albums/1", method: .delete)
            #expect(response.status == .noContent)
            #expect(try await client.execute(uri: "/albums/1", method: .get).status == .notFound)
            let list = try decode([Album].self, from: try await client.execute(uri: "/albums", method: .get).body)
            #expect(list.map(\.id) == ["2", "3"])
        }
    }

    @Test(arguments: ServerEngine.allCases, TestStore.available)
    func headAnswersLikeGetWithoutABody(engine: ServerEngine, store: TestStore) async throws {
        try await withClient(engine, store) { client in
            let response = try await client.execute(uri: "/albums/1", method: .head)
            #expect(response.status == .ok)
            #expect(response.headers[.contentLength] == "\(classicStore().album(id: "1")!.json.readableBytes)")
            #expect(response.body.readableBytes == 0)
        }
    }

    @Test(arguments: ServerEngine.allCases)
    func optionsListsTheAllowedMethods(engine: ServerEngine) async throws {
        try await withClient(engine) { client in
            let response = try await client.execute(uri: "/albums/1", method: .options)
            #expect(response.status == .noContent)
            #expect(response.headers[.allow] == "GET, PUT, DELETE, HEAD, OPTIONS")
        }
    }

    @Test(arguments: ServerEngine.allCases, TestStore.available)
    func healthReportsTheAlbumCount(engine: ServerEngine, store: TestStore) async throws {
        try await withClient(engine, store) { client in
            let response = try await client.execute(uri: "/health", method: .get)
            #expect(response.status == .ok)
            #expect(response.body.text == #"{"status":"ok","albums":3}"#)
        }
    }

    @Test(arguments: ServerEngine.allCases, TestStore.available)
    func metricsCountRequestsByRouteAndStatus(engine: ServerEngine, store: TestStore) async throws {
        try await withClient(engine, store) { client in
            try await client.execute(uri: "/albums/1", method: .get)
            try await client.execute(uri: "/albums/nope", method: .get)
            try await client.postAlbum("{}")
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = response.body.text
            #expect(text.contains(#"http_requests_total{route="/albums/{id}",method="GET",status="200"} 1"#))
            #expect(text.contains(#"http_requests_total{route="/albums/{id}",method="GET",status="404"} 1"#))
            #expect(text.contains(#"http_requests_total{route="/albums",method="POST",status="400"} 1"#))
            #expect(text.contains(#"http_request_duration_seconds_bucket{route="/albums/{id}",method="GET",status="200",le="+Inf"} 1"#))
            #expect(text.contains("albums_stored 3"))
        }
    }

    @Test(arguments: ServerEngine.allCases)
    func openAPIDocumentIsServed(engine: ServerEngine) async throws {
        try await withClient(engine) { client in
            let response = try await client.execute(uri: "/openapi.json", method: .get)
            #expect(response.status == .ok)
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            #expect((document["paths"] as? [String: Any])?.count == AlbumAPI.paths.count)
        }
    }
}
