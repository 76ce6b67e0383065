extension AlbumDraft {
    /// The three albums the original service started with, in its order.
    public static let classics: [AlbumDraft] = [
        AlbumDraft(seedTitle: "Blue Train", artist: "John Coltrane", price: 56.99),
        AlbumDraft(seedTitle: "Jeru", artist: "Gerry Mulligan", price: 17.99),
        AlbumDraft(seedTitle: "Sarah Vaughan and Clifford Brown", artist: "Sarah Vaughan", price: 39.99),
    ]

    /// `count` generated albums for large-list tests: "Generated Album 1" by "Generated Artist 1"…,
    /// with prices cycling from 5.99 to 104.99.
    public static func generated(count: Int) -> [AlbumDraft] {
        (0..<count).map { index in
            AlbumDraft(
                seedTitle: "Generated Album \(index + 1)",
                artist: "Generated Artist \(index % 997 + 1)",
                price: Double(index % 100) + 5.99
            )
        }
    }
}
