/// A first-in, first-out queue with amortized O(1) `append` and `removeFirst`.
///
/// Not synchronized: its owner guards it (a lock, or a single thread).
@usableFromInline
struct FirstInFirstOutQueue<Element> {
    @usableFromInline var storage: [Element?] = []
    @usableFromInline var head = 0

    @inlinable init() {}

    /// True when there is nothing to remove.
    @inlinable var isEmpty: Bool { head == storage.count }

    /// How many elements are waiting.
    @inlinable var count: Int { storage.count - head }

    /// Adds `element` at the back.
    @inlinable mutating func append(_ element: Element) {
        storage.append(element)
    }

    /// Removes and returns the front element, or nil when empty.
    @inlinable mutating func popFirst() -> Element? {
        guard head < storage.count else { return nil }
        let element = storage[head].take()
        head += 1
        if head == storage.count {
            storage.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 64 && head * 2 >= storage.count {
            storage.removeFirst(head)
            head = 0
        }
        return element
    }
}
