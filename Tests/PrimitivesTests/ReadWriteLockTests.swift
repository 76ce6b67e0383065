import Foundation
import Primitives
import Synchronization
import Testing

struct ReadWriteLockTests {
    @Test func readersSeeTheLastWrittenValue() {
        let lock = ReadWriteLock([1, 2])
        lock.withWriteLock { $0.append(3) }
        #expect(lock.withReadLock { copy $0 } == [1, 2, 3])
        #expect(lock.withReadLock { $0.count } == 3)
    }

    @Test func writeLockReturnsTheBodysResult() {
        let lock = ReadWriteLock(10)
        let previous = lock.withWriteLock { value in
            defer { value = 20 }
            return value
        }
        #expect(previous == 10)
        #expect(lock.withReadLock { $0 } == 20)
    }

    @Test func readersHoldTheLockAtTheSameTime() {
        // Each reader waits inside the lock until the other is inside too: that can only happen
        // if readers share the lock. Real threads, so a small task pool cannot serialize them.
        let lock = ReadWriteLock(0)
        let inside = Counter()
        let sawBothInside = Counter()
        let finished = DispatchGroup()
        for _ in 0..<2 {
            finished.enter()
            Thread.detachNewThread {
                lock.withReadLock { _ in
                    inside.value.add(1, ordering: .sequentiallyConsistent)
                    let deadline = ContinuousClock.now + .seconds(10)
                    while inside.value.load(ordering: .sequentiallyConsistent) < 2 && ContinuousClock.now < deadline {
                        sched_yield()
                    }
                    if inside.value.load(ordering: .sequentiallyConsistent) == 2 {
                        sawBothInside.value.add(1, ordering: .sequentiallyConsistent)
                    }
                }
                finished.leave()
            }
        }
        finished.wait()
        #expect(sawBothInside.value.load(ordering: .sequentiallyConsistent) == 2)
    }

    @Test func aWriterIsAlone() async {
        // Writers do a non-atomic read-modify-write and note whether anyone else was inside;
        // readers note whether a writer was inside with them.
        let lock = ReadWriteLock(0)
        let writersInside = Counter()
        let overlaps = Counter()
        let writers = 8
        let writesPerWriter = 500
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<writers {
                group.addTask {
                    for _ in 0..<writesPerWriter {
                        lock.withWriteLock { value in
                            if writersInside.value.add(1, ordering: .sequentiallyConsistent).newValue != 1 {
                                overlaps.value.add(1, ordering: .relaxed)
                            }
                            value += 1
                            writersInside.value.subtract(1, ordering: .sequentiallyConsistent)
                        }
                    }
                }
                group.addTask {
                    for _ in 0..<writesPerWriter {
                        lock.withReadLock { _ in
                            if writersInside.value.load(ordering: .sequentiallyConsistent) != 0 {
                                overlaps.value.add(1, ordering: .relaxed)
                            }
                        }
                    }
                }
            }
        }
        #expect(overlaps.value.load(ordering: .relaxed) == 0)
        #expect(lock.withReadLock { $0 } == writers * writesPerWriter)
    }
}

/// An atomic counter that closures running on other threads can share.
private final class Counter: Sendable {
    let value = Atomic<Int>(0)
}
