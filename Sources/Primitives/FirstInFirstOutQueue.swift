/// A first-in, first-out queue with amortized O(1) `append` and `removeFirst`.
///
/// Not synchronized: its owner guards it (a lock, or a single thread).
struct FirstInFirstOutQueue<Element> {
    private var storage: [Element?] = []
    private var head = 0

    /// True when there is nothing to remove.
    var isEmpty: Bool { head == storage.count }

    /// How many elements are waiting.
    var count: Int { storage.count - head }

    /// Adds `element` at the back.
    mutating func append(_ element: Element) {
        storage.append(element)
    }

    /// Removes and returns the front element, or nil when empty.
    mutating func popFirst() -> Element? {
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
