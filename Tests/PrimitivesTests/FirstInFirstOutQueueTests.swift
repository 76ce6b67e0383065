@testable import Primitives
import Testing

struct FirstInFirstOutQueueTests {
    @Test func anEmptyQueueHasNothingToPop() {
        var queue = FirstInFirstOutQueue<Int>()
        #expect(queue.isEmpty)
        #expect(queue.count == 0)
        #expect(queue.popFirst() == nil)
    }

    @Test func elementsComeOutInTheOrderTheyWentIn() {
        var queue = FirstInFirstOutQueue<Int>()
        for element in 0..<10 { queue.append(element) }
        #expect(queue.count == 10)
        #expect((0..<10).map { _ in queue.popFirst() } == (0..<10).map { $0 })
        #expect(queue.isEmpty)
    }

    @Test func orderHoldsWhenTheRingWrapsAroundAndGrows() {
        var queue = FirstInFirstOutQueue<Int>()
        var popped: [Int] = []
        var next = 0
        // Alternate bursts of appends and pops so that the front moves around the ring while
        // it still holds elements, and the ring grows with its elements wrapped around the end.
        for burst in 1...20 {
            for _ in 0..<burst {
                queue.append(next)
                next += 1
            }
            for _ in 0..<(burst / 2) { popped.append(queue.popFirst()!) }
        }
        while let element = queue.popFirst() { popped.append(element) }
        #expect(popped == Array(0..<next))
    }

    @Test func poppedElementsAreReleased() {
        final class Token {}
        var queue = FirstInFirstOutQueue<Token>()
        weak var released: Token?
        do {
            let token = Token()
            released = token
            queue.append(token)
        }
        #expect(released != nil)
        _ = queue.popFirst()
        #expect(released == nil)
    }
}
