import AlbumService
import GRDB
import NIOPosix
import Testing

/// The SQLite store called directly: what survives reopening the file, and the errors at start.
struct SQLiteAlbumStoreTests {
    static let draft = try! AlbumDraft(title: "Kind of Blue", artist: "Miles Davis", price: 29.99)

    @Test func writesSurviveReopeningAndTheSeedIsAddedOnce() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("albums.sqlite")
        let loop = MultiThreadedEventLoopGroup.singleton.any()
        let first = try SQLiteAlbumStore(path: path, seed: AlbumDraft.classics)
        let added = try #require(try await first.add(Self.draft, on: loop).get())
        #expect(added.album.id == "4")
        #expect(try await first.add(try AlbumDraft(id: "4", title: "T", artist: "A", price: 1), on: loop).get() == nil)
        let replacement = try AlbumDraft(title: "Jeru (Remastered)", artist: "Gerry Mulligan", price: 19.99)
        #expect(try await first.replaceAlbum(id: "2", with: replacement, on: loop).get() != nil)
        #expect(try await first.removeAlbum(id: "1", on: loop).get() != nil)
        let listBefore = try await first.list(on: loop).get().json
        try first.close()

        let second = try SQLiteAlbumStore(path: path, seed: AlbumDraft.classics)
        #expect(try await second.list(on: loop).get().json == listBefore)
        #expect(try await second.count(on: loop).get() == 3)
        #expect(try await second.add(Self.draft, on: loop).get()?.album.id == "1", "the next free number")
        try second.close()
    }

    @Test func aSecondStoreOnTheSameFileIsRefused() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("albums.sqlite")
        let first = try SQLiteAlbumStore(path: path)
        #expect {
            try SQLiteAlbumStore(path: path)
        } throws: { error in
            "\(error)".contains("is in use by another process")
        }
        try first.close()
    }

    @Test func aDatabaseOfANewerSchemaIsRefusedNamingBothVersions() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("albums.sqlite")
        let newer = AlbumSchema.version + 1
        try DatabaseQueue(path: path).write { try $0.execute(sql: "PRAGMA user_version = \(newer)") }
        #expect {
            try SQLiteAlbumStore(path: path)
        } throws: { error in
            let message = "\(error)"
            return message.contains("schema version \(newer)") && message.contains("schema version \(AlbumSchema.version)")
                && message.contains(path)
        }
    }

    @Test func anUnwritablePathIsAClearError() {
        #expect {
            try SQLiteAlbumStore(path: "/nonexistent-scalelab-directory/albums.sqlite")
        } throws: { error in
            "\(error)".contains("Cannot open the SQLite database '/nonexistent-scalelab-directory/albums.sqlite'")
        }
    }
}
