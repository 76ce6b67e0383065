/// One album of the catalog, as the API sends and receives it.
public struct Album: Codable, Hashable, Sendable {
    /// The album's identifier, unique in a store; also its URL: `/albums/{id}`.
    public var id: String
    /// The album's title; never empty.
    public var title: String
    /// The performing artist; never empty.
    public var artist: String
    /// The price, finite and between 0 and `AlbumDraft.maximumPrice`.
    public var price: Double

    public init(id: String, title: String, artist: String, price: Double) {
        self.id = id
        self.title = title
        self.artist = artist
        self.price = price
    }
}
