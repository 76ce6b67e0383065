import Hummingbird

extension Album {
    /// The album as one JSON object, `{"id":…,"title":…,"artist":…,"price":…}`, in that order.
    ///
    /// Written by hand rather than by `JSONEncoder`: the store encodes each album once, when it
    /// is written, and every response reuses those bytes.
    public var json: ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(48 + id.utf8.count + title.utf8.count + artist.utf8.count)
        writeJSON(into: &buffer)
        return buffer
    }

    /// Appends the album's JSON object to `buffer`.
    public func writeJSON(into buffer: inout ByteBuffer) {
        buffer.writeStaticString(#"{"id":"#)
        buffer.writeJSONString(id)
        buffer.writeStaticString(#","title":"#)
        buffer.writeJSONString(title)
        buffer.writeStaticString(#","artist":"#)
        buffer.writeJSONString(artist)
        buffer.writeStaticString(#","price":"#)
        // Prices are finite (AlbumDraft checks), and Double's shortest round-trip text is a
        // valid JSON number for every finite value.
        buffer.writeString(price.description)
        buffer.writeStaticString("}")
    }
}
