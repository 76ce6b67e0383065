import AlbumService
import Hummingbird
import HummingbirdTesting
import Primitives
import Testing

/// Many clients writing at once over real connections: no write is lost or duplicated.
struct ConcurrentWritesTests {
    static let clients = 50
    static let postsPerClient = 100

    @Test(arguments: MapStrategy.allCases)
    func everyConcurrentPostIsStoredOnce(strategy: MapStrategy) async throws {
        let store = classicStore(strategy: strategy)
        try await makeApplication(store: store, logger: quietLogger).test(.live) { client in
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
            #expect(list.count == 3 + total)
            #expect(Set(list.dropFirst(3)) == Set(created))

            // Every album is retrievable by id: the map lookup GET /albums/{id} answers from.
            let unretrievable = created.filter { store.album(id: $0.id)?.album != $0 }
            #expect(unretrievable.isEmpty)
            let sample = try await client.execute(uri: "/albums/\(created[created.count / 2].id)", method: .get)
            #expect(try decode(Album.self, from: sample.body) == created[created.count / 2])
        }
        #expect(store.count == 3 + Self.clients * Self.postsPerClient)
    }
}
