import AlbumService
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import Testing

/// Several instances on one PostgreSQL database, restarts, and the errors at start. All but
/// the last need a server: they are skipped unless `SCALELAB_POSTGRES_URL` names one.
struct PostgresStoreTests {
    /// Runs `test` with two services (one per engine) on one new database, as two instances
    /// behind a load balancer would be; drops the database after.
    static func withTwoInstances(
        _ test: @escaping @Sendable (_ first: any TestClientProtocol, _ second: any TestClientProtocol) async throws -> Void
    ) async throws {
        let address = try await PostgresTestServer.createDatabase()
        do {
            let seed = AlbumDraft.classics
            let first = try await PostgresAlbumStore.open(address, seed: seed, maximumConnections: 4, logger: quietLogger)
            let second = try await PostgresAlbumStore.open(address, seed: seed, maximumConnections: 4, logger: quietLogger)
            try await makeApplication(
                configuration: AlbumServerConfiguration(engine: .eventLoop, idleTimeout: .seconds(3_600)), store: first,
                logger: quietLogger
            ).test(.live) { firstClient in
                try await makeApplication(
                    configuration: AlbumServerConfiguration(engine: .router), store: second, logger: quietLogger
                ).test(.live) { secondClient in
                    try await test(firstClient, secondClient)
                }
            }
        } catch {
            try? await PostgresTestServer.dropDatabase(address)
            throw error
        }
        try await PostgresTestServer.dropDatabase(address)
    }

    @Test(.enabled(if: PostgresTestServer.address != nil, PostgresTestServer.skipReason))
    func anAlbumPostedToOneInstanceIsServedByTheOtherAtOnce() async throws {
        try await Self.withTwoInstances { first, second in
            let tagBefore = try #require(try await second.execute(uri: "/albums", method: .get).headers[.eTag])
            let created = try await first.postAlbum(#"{"title":"Kind of Blue","artist":"Miles Davis","price":29.99}"#)
            #expect(created.status == .created)
            let album = try decode(Album.self, from: created.body)
            let fetched = try await second.execute(uri: "/albums/\(album.id)", method: .get)
            #expect(fetched.status == .ok)
            #expect(try decode(Album.self, from: fetched.body) == album)
            let list = try await second.execute(uri: "/albums", method: .get, headers: [.ifNoneMatch: tagBefore])
            #expect(list.status == .ok, "the other instance's write changed the list's ETag")
            #expect(try decode([Album].self, from: list.body).last == album)

            try await second.execute(uri: "/albums/\(album.id)", method: .delete)
            #expect(try await first.execute(uri: "/albums/\(album.id)", method: .get).status == .notFound)
            let tagAfterDelete = try await first.execute(uri: "/albums", method: .get).headers[.eTag]
            #expect(tagAfterDelete != list.headers[.eTag])
        }
    }

    static let writersPerInstance = 5
    static let postsPerWriter = 20

    @Test(.enabled(if: PostgresTestServer.address != nil, PostgresTestServer.skipReason))
    func concurrentPostsToBothInstancesGetUniqueIDs() async throws {
        try await Self.withTwoInstances { first, second in
            let ports = [try #require(first.port), try #require(second.port)]
            let created = try await withThrowingTaskGroup(of: [Album].self) { group in
                for (instance, port) in ports.enumerated() {
                    for writer in 0..<Self.writersPerInstance {
                        group.addTask {
                            try await TestClient.withClient(host: "localhost", port: port) { connection in
                                var albums: [Album] = []
                                for post in 0..<Self.postsPerWriter {
                                    let body = #"{"title":"Instance \#(instance) writer \#(writer) post \#(post)","artist":"Shared","price":1}"#
                                    let response = try await connection.post("/albums", headers: jsonHeaders, body: ByteBuffer(string: body))
                                    #expect(response.status == .created)
                                    albums.append(try decode(Album.self, from: response.body ?? ByteBuffer()))
                                }
                                return albums
                            }
                        }
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            let total = ports.count * Self.writersPerInstance * Self.postsPerWriter
            #expect(Set(created.map(\.id)).count == total, "every POST got its own id")
            let firstList = try await first.execute(uri: "/albums", method: .get)
            let secondList = try await second.execute(uri: "/albums", method: .get)
            #expect(firstList.body == secondList.body, "both instances list the same albums in the same order")
            #expect(firstList.headers[.eTag]?.split(separator: "-").last == secondList.headers[.eTag]?.split(separator: "-").last)
            let listed = try decode([Album].self, from: firstList.body)
            #expect(listed.count == AlbumDraft.classics.count + total)
            #expect(Set(listed.filter { $0.artist == "Shared" }) == Set(created))
        }
    }

    @Test(.enabled(if: PostgresTestServer.address != nil, PostgresTestServer.skipReason))
    func aDatabaseOfANewerSchemaIsRefusedNamingBothVersions() async throws {
        let address = try await PostgresTestServer.createDatabase()
        try await PostgresTestServer.withConnection(to: address) { connection in
            try await connection.query("CREATE TABLE scalelab_schema (version integer NOT NULL)", logger: quietLogger)
            try await connection.query("INSERT INTO scalelab_schema VALUES (\(Int32(AlbumSchema.version + 1)))", logger: quietLogger)
        }
        await #expect {
            try await PostgresAlbumStore.open(address, logger: quietLogger)
        } throws: { error in
            let message = "\(error)"
            return message.contains("schema version \(AlbumSchema.version + 1)")
                && message.contains("schema version \(AlbumSchema.version)") && message.contains(address.description)
        }
        try await PostgresTestServer.dropDatabase(address)
    }

    /// No server needed: nothing listens on port 1.
    @Test func anUnreachableDatabaseAtStartExits1NamingTheAddress() async throws {
        let address = "postgres://scalelab@127.0.0.1:1/albums"
        let server = try ScaleLabProcess(["serve", "--port", "0", "--store", address])
        defer { server.stop() }
        #expect(try await server.exitStatus(within: .seconds(60)) == .exited(1))
        #expect(server.printed.contains("Cannot connect to PostgreSQL at \(address)"))
    }
}
