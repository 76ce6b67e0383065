import AlbumService
import Foundation
import Primitives
import Testing

/// The in-memory store, called directly.
struct InMemoryAlbumStoreTests {
    static let draft = try! AlbumDraft(title: "T", artist: "A", price: 1)

    @Test(arguments: MapStrategy.allCases)
    func addFindReplaceAndRemove(strategy: MapStrategy) throws {
        let store = classicStore(strategy: strategy)
        let added = try #require(store.add(Self.draft))
        #expect(added.album.id == "4")
        #expect(store.album(id: "4")?.album == added.album)
        let replacement = try AlbumDraft(title: "T2", artist: "A2", price: 2)
        #expect(store.replaceAlbum(id: "4", with: replacement)?.album == replacement.album(id: "4"))
        #expect(store.replaceAlbum(id: "5", with: replacement) == nil)
        #expect(store.removeAlbum(id: "4") == replacement.album(id: "4"))
        #expect(store.removeAlbum(id: "4") == nil)
        #expect(store.album(id: "4") == nil)
        #expect(store.count == 3)
    }

    @Test func generatedIDsSkipIDsClientsChose() throws {
        let store = classicStore()
        #expect(store.add(try AlbumDraft(id: "4", title: "T", artist: "A", price: 1)) != nil)
        #expect(store.add(try AlbumDraft(id: "5", title: "T", artist: "A", price: 1)) != nil)
        #expect(store.add(Self.draft)?.album.id == "6")
        #expect(store.add(try AlbumDraft(id: "6", title: "T", artist: "A", price: 1)) == nil)
    }

    @Test func versionChangesOnlyWithSuccessfulWrites() throws {
        let store = classicStore()
        let start = store.version
        _ = store.add(try AlbumDraft(id: "1", title: "T", artist: "A", price: 1))
        _ = store.removeAlbum(id: "99")
        _ = store.replaceAlbum(id: "99", with: Self.draft)
        #expect(store.version == start)
        _ = store.add(Self.draft)
        #expect(store.version == start + 1)
    }

    @Test(arguments: MapStrategy.allCases)
    func lockedAndCachedListsAreTheSameBytes(strategy: MapStrategy) throws {
        let cached = classicStore(extra: 50, strategy: strategy, listEncoding: .cached)
        let locked = classicStore(extra: 50, strategy: strategy, listEncoding: .locked)
        for store in [cached, locked] {
            store.removeAlbum(id: "10")
            _ = store.replaceAlbum(id: "2", with: Self.draft)
        }
        #expect(cached.list().json == locked.list().json)
        #expect(try cached.page(after: "5", limit: 7).json == locked.page(after: "5", limit: 7).json)
        #expect(try cached.page(after: "5", limit: 7).lastIDBeforeMore == "13")
        #expect(try decode([Album].self, from: cached.list().json).count == 52)
    }

    @Test func cachedListFollowsEveryWrite() throws {
        let store = classicStore()
        #expect(store.list().count == 3)
        _ = store.add(Self.draft)
        #expect(store.list().count == 4)
        store.removeAlbum(id: "1")
        let albums = try decode([Album].self, from: store.list().json)
        #expect(albums.map(\.id) == ["2", "3", "4"])
    }

    @Test func unknownCursorThrows() {
        #expect(throws: AlbumPageError.unknownCursor("9")) { try classicStore().page(after: "9", limit: 1) }
    }
}

/// Album JSON in and out.
struct AlbumJSONTests {
    @Test func encodedAlbumRoundTripsAwkwardText() throws {
        let album = Album(id: "x", title: "Quote \" backslash \\ tab \t newline \n bell \u{7} é 🎷", artist: "/", price: 0.1)
        #expect(try decode(Album.self, from: album.json) == album)
        #expect(Album(id: "1", title: "T", artist: "A", price: 56.99).json.text == #"{"id":"1","title":"T","artist":"A","price":56.99}"#)
        #expect(Album(id: "2", title: "a\"b\\c\u{1}", artist: "é", price: 1).json.text == #"{"id":"2","title":"a\"b\\c\u0001","artist":"é","price":1.0}"#)
    }

    @Test func draftIgnoresUnknownFieldsAndAcceptsIntegerPrices() throws {
        let draft = try AlbumDraft(json: Array(#"{"title":"T","artist":"A","price":12,"genre":"jazz"}"#.utf8))
        #expect(draft == (try AlbumDraft(title: "T", artist: "A", price: 12)))
    }

    @Test(arguments: ["", "a b", "a/b", "é", String(repeating: "x", count: 65)])
    func invalidIDsAreRejected(id: String) {
        #expect(!AlbumDraft.isValidID(id))
    }

    @Test(arguments: ["1", "blue-train", "A.b_c~d", String(repeating: "x", count: 64)])
    func validIDsAreAccepted(id: String) {
        #expect(AlbumDraft.isValidID(id))
    }

    @Test func titlesLongerThanTheMaximumAreRejected() {
        #expect(throws: AlbumInputError.self) {
            try AlbumDraft(title: String(repeating: "x", count: AlbumDraft.maximumTextLength + 1), artist: "A", price: 1)
        }
    }

    /// The limit counts characters, not bytes: a title of 1,000 two-byte characters passes.
    @Test func textLimitCountsCharacters() throws {
        let longest = String(repeating: "é", count: AlbumDraft.maximumTextLength)
        #expect(try AlbumDraft(title: longest, artist: "A", price: 1).title == longest)
        #expect(throws: AlbumInputError.self) { try AlbumDraft(title: "A", artist: longest + "é", price: 1) }
    }
}
