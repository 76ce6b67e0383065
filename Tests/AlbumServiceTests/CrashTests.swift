import AlbumService
import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// `scalelab serve --store sqlite:PATH` (and `postgres://…` when a server is set) killed with
/// SIGKILL while 20 writers POST: after a restart on the same file or database, every album
/// that was answered 201 is there exactly once, with what was posted, and nothing else but
/// whole albums that were posted.
struct CrashTests {
    static let writers = 20
    /// The kill comes when this many POSTs were answered 201 (an event, not a time).
    static let acknowledgedBeforeKill = 200

    /// What the writers were answered.
    final class Answers: Sendable {
        /// The albums answered 201, in the order the answers arrived.
        let acknowledged = Mutex<[Album]>([])
        /// Statuses other than 201 (none are expected).
        let unexpectedStatuses = Mutex<[Int]>([])
    }

    /// The persistent stores available here.
    static let stores = TestStore.available.filter { $0 != .memory }

    @Test(arguments: stores)
    func everyAcknowledgedAlbumSurvivesSIGKILLOnce(store kind: TestStore) async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let database = kind == .postgres ? try await PostgresTestServer.createDatabase() : nil
        let store = database?.description ?? "sqlite:\(directory.path("albums.sqlite"))"
        let server = try ScaleLabProcess(["serve", "--port", "0", "--store", store, "--log-level", "warning"])
        defer { server.stop() }
        let port = try await server.servedPort()

        let answers = Answers()
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<Self.writers {
                group.addTask {
                    // Each writer POSTs on its own connection until the kill ends it.
                    try? await TestClient.withClient(host: "127.0.0.1", port: port) { connection in
                        for post in 0... {
                            let body = #"{"title":"Writer \#(writer) post \#(post)","artist":"Crash test","price":\#(post)}"#
                            let response = try await connection.post("/albums", headers: jsonHeaders, body: ByteBuffer(string: body))
                            guard response.status == .created, let album = try? decode(Album.self, from: response.body ?? ByteBuffer())
                            else {
                                answers.unexpectedStatuses.withLock { $0.append(response.status.code) }
                                return
                            }
                            let count = answers.acknowledged.withLock { acknowledged in
                                acknowledged.append(album)
                                return acknowledged.count
                            }
                            if count == Self.acknowledgedBeforeKill { server.signal(SIGKILL) }
                        }
                    }
                }
            }
        }
        #expect(try await server.exitStatus(within: .seconds(60)) == .signaled(SIGKILL))
        #expect(answers.unexpectedStatuses.withLock { $0 }.isEmpty)

        let restarted = try ScaleLabProcess(["serve", "--port", "0", "--store", store, "--log-level", "warning"])
        defer { restarted.stop() }
        let list = try await TestClient.withClient(host: "127.0.0.1", port: try await restarted.servedPort()) {
            try decode([Album].self, from: try await $0.get("/albums").body ?? ByteBuffer())
        }
        let acknowledgedAlbums = answers.acknowledged.withLock { $0 }
        #expect(acknowledgedAlbums.count >= Self.acknowledgedBeforeKill)
        let listed = Dictionary(list.map { ($0.id, [$0]) }, uniquingKeysWith: +)
        #expect(listed.values.allSatisfy { $0.count == 1 }, "no album is listed twice")
        let missing = acknowledgedAlbums.filter { listed[$0.id] != [$0] }
        #expect(missing.isEmpty, "acknowledged but lost or changed: \(missing.prefix(5))")
        // Every other album is a classic or a whole album one writer posted (acknowledged or not).
        let posted = list.dropFirst(AlbumDraft.classics.count)
        #expect(list.prefix(AlbumDraft.classics.count).map(\.title) == ["Blue Train", "Jeru", "Sarah Vaughan and Clifford Brown"])
        #expect(posted.allSatisfy { $0.artist == "Crash test" && $0.title.hasSuffix("post \(Int($0.price))") })
        restarted.signal(SIGTERM)
        _ = try await restarted.exitStatus(within: .seconds(60))
        if let database { try await PostgresTestServer.dropDatabase(database) }
    }
}
