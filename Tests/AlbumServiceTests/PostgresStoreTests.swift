import Foundation
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

    /// Instances started at once on a new database create its tables once and add the seed
    /// albums once (an advisory lock serializes their setup).
    @Test(.enabled(if: PostgresTestServer.address != nil, PostgresTestServer.skipReason))
    func instancesStartingTogetherOnANewDatabaseSetItUpOnce() async throws {
        let address = try await PostgresTestServer.createDatabase()
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        _ = try await PostgresAlbumStore.open(address, seed: AlbumDraft.classics, maximumConnections: 1, logger: quietLogger)
                    }
                }
                try await group.waitForAll()
            }
            try await PostgresTestServer.withConnection(to: address) { connection in
                var counts: [Int64] = []
                for table in ["albums", "scalelab_schema", "album_catalog"] {
                    for try await count in try await connection.query("SELECT count(*) FROM \(unescaped: table)", logger: quietLogger)
                        .decode(Int64.self)
                    {
                        counts.append(count)
                    }
                }
                #expect(counts == [Int64(AlbumDraft.classics.count), 1, 1])
            }
        } catch {
            try? await PostgresTestServer.dropDatabase(address)
            throw error
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

    /// `scalelab study --postgres` checks its database before the first step: a study does not
    /// run for minutes to fail at the store comparison.
    @Test func aStudyWithAnUnreachableDatabaseStopsBeforeItsFirstStep() async throws {
        let address = "postgres://scalelab@127.0.0.1:1/study"
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("scalelab-study-\(UUID().uuidString)").path
        let study = try ScaleLabProcess(["study", "--quick", "--only", "service", "--postgres", address, "--output", output])
        defer { study.stop() }
        #expect(try await study.exitStatus(within: .seconds(60)) == .exited(1))
        #expect(study.printed.contains("Cannot connect to PostgreSQL at \(address)"))
        #expect(study.printed.contains("fix --postgres postgres://"))
        #expect(!study.printed.contains("[1/"), "no step started")
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
