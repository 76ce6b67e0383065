import AlbumService
import Hummingbird
import HummingbirdTesting
import Primitives
import Testing

/// Many clients writing at once over real connections: no write is lost or duplicated, and
/// every album written is served back by id and in the list.
///
/// Serialized: each case holds over a hundred sockets, and eight cases at once pushed the test
/// process past 1,300 open descriptors, where Foundation's `Process.run()` on Linux (Swift
/// 6.3.1) can crash reading /proc/self/fd (swift-corelibs-foundation pull request 5472).
@Suite(.serialized) struct ConcurrentWritesTests {
    static let clients = 50
    static let postsPerClient = 100
    /// Connections that fetch the created albums back, each a share of them in turn.
    static let fetchingConnections = 8

    @Test(arguments: ServerEngine.allCases, MapStrategy.allCases)
    func everyConcurrentPostIsStoredOnce(engine: ServerEngine, strategy: MapStrategy) async throws {
        let store = classicStore(strategy: strategy)
        try await withClient(engine, store: store) { client in
            let port = try #require(client.port)
            let created = try await withThrowingTaskGroup(of: [Album].self) { group in
                for clientNumber in 0..<Self.clients {
                    group.addTask {
                        try await TestClient.withClient(host: "localhost", port: port) { connection in
                            var albums: [Album] = []
                            for postNumber in 0..<Self.postsPerClient {
                                let body = #"{"title":"Client \#(clientNumber) post \#(postNumber)","artist":"Load","price":1}"#
                                let response = try await connection.post(
                                    "/albums", headers: jsonHeaders, body: ByteBuffer(string: body))
                                #expect(response.status == .created)
                                albums.append(try decode(Album.self, from: response.body ?? ByteBuffer()))
                            }
                            return albums
                        }
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            let total = Self.clients * Self.postsPerClient
            #expect(created.count == total)
            #expect(Set(created.map(\.id)).count == total, "every POST got its own id")
            #expect(Set(created.map(\.title)).count == total)

            let list = try decode([Album].self, from: try await client.execute(uri: "/albums", method: .get).body)
            let newAlbums = list.filter { $0.artist == "Load" }
            #expect(list.count == 3 + total)
            #expect(newAlbums.count == total)
            #expect(Set(newAlbums.map(\.id)).count == total, "GET /albums lists each album once")
            #expect(Set(newAlbums) == Set(created))

            let unretrievable = try await Self.albumsNotServedAsCreated(created, port: port)
            #expect(unretrievable.isEmpty, "GET /albums/{id} answered differently for \(unretrievable.prefix(10))")
        }
        #expect(store.count == 3 + Self.clients * Self.postsPerClient)
    }

    /// The ids of `albums` that GET /albums/{id} does not answer with 200 and the same album,
    /// fetched over a few reused connections.
    static func albumsNotServedAsCreated(_ albums: [Album], port: Int) async throws -> [String] {
        try await withThrowingTaskGroup(of: [String].self) { group in
            for first in 0..<fetchingConnections {
                group.addTask {
                    try await TestClient.withClient(host: "localhost", port: port) { connection in
                        var mismatches: [String] = []
                        for index in stride(from: first, to: albums.count, by: fetchingConnections) {
                            let album = albums[index]
                            let response = try await connection.get("/albums/\(album.id)")
                            let served = response.status == .ok
                                ? try? decode(Album.self, from: response.body ?? ByteBuffer()) : nil
                            if served != album { mismatches.append(album.id) }
                        }
                        return mismatches
                    }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
    }
}
