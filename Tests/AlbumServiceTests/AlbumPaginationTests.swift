import AlbumService
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /albums?limit=N&after=ID`: pages and their `Link` headers.
@Suite(.serialized) struct AlbumPaginationTests {
    /// The next page's URI from a `Link: <uri>; rel="next"` header.
    static func nextPage(_ response: TestResponse) -> String? {
        guard let link = response.headers[.link], link.hasSuffix(#">; rel="next""#), link.hasPrefix("<") else { return nil }
        return String(link.dropFirst().prefix { $0 != ">" })
    }

    @Test(arguments: EngineOnStore.all, [1, 7, 10, 13, 1_000])
    func followingLinksVisitsEveryAlbumOnceInOrder(on setup: EngineOnStore, limit: Int) async throws {
        let everything = try decode([Album].self, from: classicStore(extra: 10).list().json)
        try await withClient(setup.engine, setup.store, extra: 10) { client in
            var seen: [Album] = []
            var next: String? = "/albums?limit=\(limit)"
            var pages = 0
            while let uri = next {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .ok)
                let page = try decode([Album].self, from: response.body)
                #expect(page.count <= limit)
                seen += page
                pages += 1
                next = Self.nextPage(response)
                if next != nil { #expect(page.count == limit) }
            }
            #expect(seen == everything)
            #expect(pages == (everything.count + limit - 1) / limit)
        }
    }

    @Test(arguments: ServerEngine.allCases, TestStore.available)
    func limitIsCappedAtTheMaximumPageSize(engine: ServerEngine, store: TestStore) async throws {
        try await withClient(engine, store, extra: 1_200) { client in
            let response = try await client.execute(uri: "/albums?limit=5000", method: .get)
            #expect(try decode([Album].self, from: response.body).count == AlbumAPI.maximumPageSize)
            #expect(Self.nextPage(response) == "/albums?limit=\(AlbumAPI.maximumPageSize)&after=1000")
        }
    }

    @Test(arguments: ServerEngine.allCases, TestStore.available)
    func afterWithoutLimitUsesTheDefaultPageSize(engine: ServerEngine, store: TestStore) async throws {
        try await withClient(engine, store, extra: 200) { client in
            let response = try await client.execute(uri: "/albums?after=3", method: .get)
            let page = try decode([Album].self, from: response.body)
            #expect(page.count == AlbumAPI.defaultPageSize)
            #expect(page.first?.id == "4")
        }
    }

    @Test(arguments: ServerEngine.allCases, TestStore.available)
    func pageAfterTheLastAlbumIsEmptyWithoutLink(engine: ServerEngine, store: TestStore) async throws {
        try await withClient(engine, store) { client in
            let response = try await client.execute(uri: "/albums?limit=2&after=3", method: .get)
            #expect(response.status == .ok)
            #expect(response.body.text == "[]")
            #expect(response.headers[.link] == nil)
        }
    }

    @Test(arguments: ServerEngine.allCases, TestStore.available)
    func pageThatEndsExactlyAtTheLastAlbumHasNoLink(engine: ServerEngine, store: TestStore) async throws {
        try await withClient(engine, store) { client in
            let response = try await client.execute(uri: "/albums?limit=3", method: .get)
            #expect(try decode([Album].self, from: response.body).count == 3)
            #expect(response.headers[.link] == nil)
        }
    }

    @Test(arguments: ServerEngine.allCases, TestStore.available)
    func wholeListHasNoLink(engine: ServerEngine, store: TestStore) async throws {
        try await withClient(engine, store, extra: 2_000) { client in
            let response = try await client.execute(uri: "/albums", method: .get)
            #expect(try decode([Album].self, from: response.body).count == 2_003)
            #expect(response.headers[.link] == nil)
        }
    }
}

/// `ETag` on lists and `If-None-Match` answered with 304.
@Suite(.serialized) struct AlbumEntityTagTests {
    @Test(arguments: EngineOnStore.all, ["/albums", "/albums?limit=2"])
    func unchangedListAnswers304(on setup: EngineOnStore, uri: String) async throws {
        try await withClient(setup.engine, setup.store) { client in
            let first = try await client.execute(uri: uri, method: .get)
            let tag = try #require(first.headers[.eTag])
            let second = try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: tag])
            #expect(second.status == .notModified)
            #expect(second.headers[.eTag] == tag)
            #expect(second.body.readableBytes == 0)
        }
    }

    @Test(arguments: ServerEngine.allCases, TestStore.available)
    func writeChangesTheTag(engine: ServerEngine, store: TestStore) async throws {
        try await withClient(engine, store) { client in
            let tag = try #require(try await client.execute(uri: "/albums", method: .get).headers[.eTag])
            try await client.postAlbum(#"{"title":"T","artist":"A","price":1}"#)
            let after = try await client.execute(uri: "/albums", method: .get, headers: [.ifNoneMatch: tag])
            #expect(after.status == .ok)
            #expect(after.headers[.eTag] != tag)
            #expect(try decode([Album].self, from: after.body).count == 4)
        }
    }

    @Test(arguments: ServerEngine.allCases, TestStore.available)
    func failedWriteKeepsTheTag(engine: ServerEngine, store: TestStore) async throws {
        try await withClient(engine, store) { client in
            let tag = try #require(try await client.execute(uri: "/albums", method: .get).headers[.eTag])
            try await client.postAlbum(#"{"title":"","artist":"A","price":1}"#)
            let after = try await client.execute(uri: "/albums", method: .get, headers: [.ifNoneMatch: tag])
            #expect(after.status == .notModified)
        }
    }

    @Test(arguments: ServerEngine.allCases, TestStore.available)
    func weakListedAndWildcardTagsMatch(engine: ServerEngine, store: TestStore) async throws {
        try await withClient(engine, store) { client in
            let tag = try #require(try await client.execute(uri: "/albums", method: .get).headers[.eTag])
            for header in [#""other", W/\#(tag)"#, "*"] {
                let response = try await client.execute(uri: "/albums", method: .get, headers: [.ifNoneMatch: header])
                #expect(response.status == .notModified, "If-None-Match: \(header)")
            }
            let stale = try await client.execute(uri: "/albums", method: .get, headers: [.ifNoneMatch: #""0-1""#])
            #expect(stale.status == .ok)
        }
    }
}
