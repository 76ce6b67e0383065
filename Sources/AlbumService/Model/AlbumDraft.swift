/// A checked album that has no identifier yet, or one the client chose: what POST and PUT store.
///
/// The only way to make one from user input is `AlbumDraft(json:)`, which checks every field,
/// so a draft in hand is always valid.
public struct AlbumDraft: Hashable, Sendable {
    /// The longest accepted title or artist, in characters.
    public static let maximumTextLength = 1_000
    /// The highest accepted price: anything above is certainly a typo.
    public static let maximumPrice = 1_000_000.0
    /// The longest accepted identifier.
    public static let maximumIDLength = 64

    /// The identifier the client asked for, or nil to let the store assign one.
    public var id: String?
    public var title: String
    public var artist: String
    public var price: Double

    /// A draft from trusted values (seed data, tests); it is checked like user input.
    public init(id: String? = nil, title: String, artist: String, price: Double) throws(AlbumInputError) {
        self.id = id
        self.title = title
        self.artist = artist
        self.price = price
        try check()
    }

    /// A seed album: values known to pass every check (asserted in debug builds); not for user input.
    init(seedTitle title: String, artist: String, price: Double) {
        self.id = nil
        self.title = title
        self.artist = artist
        self.price = price
        assert((try? check()) != nil, "a seed draft must pass every check")
    }

    /// The album this draft becomes once stored under `id`.
    public func album(id: String) -> Album {
        Album(id: id, title: title, artist: artist, price: price)
    }

    /// Whether `id` can name an album: 1 to 64 letters, digits, `-`, `.`, `_` or `~`, so it
    /// needs no escaping in a URL.
    public static func isValidID(_ id: some StringProtocol) -> Bool {
        !id.isEmpty && id.utf8.count <= maximumIDLength
            && id.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                    UInt8(ascii: "_"), UInt8(ascii: "~"):
                    true
                default:
                    false
                }
            }
    }

    private func check() throws(AlbumInputError) {
        if let id, !Self.isValidID(id) {
            throw AlbumInputError(
                "Field 'id' must be 1 to \(Self.maximumIDLength) letters, digits, '-', '.', '_' or '~' (got \"\(id.prefix(80))\"); leave it out to let the server assign one."
            )
        }
        try Self.checkText(title, field: "title")
        try Self.checkText(artist, field: "artist")
        guard price.isFinite else {
            throw AlbumInputError("Field 'price' must be a finite number, e.g. 17.99.")
        }
        guard price >= 0 else {
            throw AlbumInputError("Field 'price' must not be negative (got \(price)); send 0 for a free album.")
        }
        guard price <= Self.maximumPrice else {
            throw AlbumInputError(
                "Field 'price' must be at most \(Int(Self.maximumPrice)) (got \(price)); check for a misplaced decimal point."
            )
        }
    }

    private static func checkText(_ text: String, field: String) throws(AlbumInputError) {
        // A text starting with a visible ASCII character is not blank; only others are
        // searched character by character (Unicode's whitespace property is a table lookup).
        let startsVisible = text.utf8.first.map { (0x21...0x7E).contains($0) } ?? false
        guard startsVisible || text.contains(where: { !$0.isWhitespace }) else {
            throw AlbumInputError("Field '\(field)' must not be empty or only spaces.")
        }
        // A text has at most as many characters as UTF-8 bytes: count them only when it might be too long.
        guard text.utf8.count <= maximumTextLength || text.count <= maximumTextLength else {
            throw AlbumInputError(
                "Field '\(field)' must be at most \(maximumTextLength) characters (got \(text.count))."
            )
        }
    }
}
