/// The album fields of a POST or PUT body as the client sent them, before any check.
package struct AlbumFields: Decodable, Hashable, Sendable {
    /// The id the client asked for; nil when the body has none or `"id": null`.
    package var id: String?
    package var title: String
    package var artist: String
    package var price: Double

    package init(id: String?, title: String, artist: String, price: Double) {
        self.id = id
        self.title = title
        self.artist = artist
        self.price = price
    }
}
