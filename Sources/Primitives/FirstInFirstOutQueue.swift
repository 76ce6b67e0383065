/// A first-in, first-out queue: a ring buffer with amortized O(1) `append` and O(1) `popFirst`.
///
/// Not synchronized: its owner guards it (a lock, or a single thread).
@usableFromInline
struct FirstInFirstOutQueue<Element> {
    /// The ring; its count is zero or a power of two. Free slots hold nil.
    @usableFromInline var storage: [Element?] = []
    /// The index of the front element in `storage`.
    @usableFromInline var head = 0
    /// How many elements are waiting.
    @usableFromInline var count = 0

    @inlinable init() {}

    /// True when there is nothing to remove.
    @inlinable var isEmpty: Bool { count == 0 }

    /// Adds `element` at the back.
    @inlinable mutating func append(_ element: Element) {
        if count == storage.count { grow() }
        storage[(head &+ count) & (storage.count &- 1)] = element
        count &+= 1
    }

    /// Removes and returns the front element, or nil when empty.
    @inlinable mutating func popFirst() -> Element? {
        guard count > 0 else { return nil }
        let element = storage[head].take()
        head = (head &+ 1) & (storage.count &- 1)
        count &-= 1
        return element
    }

    /// Doubles the ring (at least 4 slots), moving the elements to its start in order.
    @usableFromInline mutating func grow() {
        var larger = [Element?](repeating: nil, count: max(4, storage.count * 2))
        for index in 0..<count {
            larger[index] = storage[(head + index) & (storage.count - 1)].take()
        }
        storage = larger
        head = 0
    }
}
