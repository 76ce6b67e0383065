import Primitives
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct SingleThreadExecutorTests {
    @Test func tasksWithThePreferenceRunOnTheExecutorsThread() async {
        await SingleThreadExecutor.withExecutor { executor in
            let isOnThread = await withTaskExecutorPreference(executor) {
                await withTaskGroup(of: Bool.self) { group in
                    for _ in 0..<20 {
                        group.addTask {
                            await Task.yield()
                            return executor.isOnExecutorThread
                        }
                    }
                    return await group.reduce(executor.isOnExecutorThread) { $0 && $1 }
                }
            }
            #expect(isOnThread)
            #expect(!executor.isOnExecutorThread)
        }
    }

    @Test func runsOneJobAtATime() async {
        let counts = Counts()
        await SingleThreadExecutor.withExecutor { executor in
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<200 {
                    group.addTask(executorPreference: executor) {
                        for _ in 0..<3 {
                            if counts.isInside.exchange(true, ordering: .acquiringAndReleasing) {
                                counts.overlaps.add(1, ordering: .relaxed)
                            }
                            counts.isInside.store(false, ordering: .releasing)
                            await Task.yield()
                        }
                        counts.completed.add(1, ordering: .relaxed)
                    }
                }
            }
        }
        #expect(counts.overlapsCount == 0)
        #expect(counts.completedCount == 200)
    }

    @Test func acceptsJobsFromManyThreadsAtOnce() async {
        let counts = Counts()
        await SingleThreadExecutor.withExecutor { executor in
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        // Each pool task hops onto the executor and back, many times, concurrently.
                        for _ in 0..<200 {
                            await withTaskExecutorPreference(executor) {
                                _ = counts.completed.add(1, ordering: .relaxed)
                            }
                        }
                    }
                }
            }
        }
        #expect(counts.completedCount == 1_600)
    }

    @Test func servesAsAnActorsSerialExecutor() async {
        await SingleThreadExecutor.withExecutor { executor in
            let pinned = PinnedCounter(executor: executor)
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<50 {
                    group.addTask { await pinned.increment() }
                }
            }
            #expect(await pinned.value == 50)
            #expect(await pinned.wasAlwaysOnExecutorThread)
        }
    }

    @Test func shutdownRunsTheJobsAlreadyQueued() async {
        let executor = SingleThreadExecutor(name: "test-shutdown")
        let counts = Counts()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<10 {
                group.addTask(executorPreference: executor) { _ = counts.completed.add(1, ordering: .relaxed) }
            }
        }
        executor.shutdown()
        #expect(counts.completedCount == 10)
    }
}

/// Counters the tests' tasks share.
private final class Counts: Sendable {
    let isInside = Atomic<Bool>(false)
    let overlaps = Atomic<Int>(0)
    let completed = Atomic<Int>(0)

    var overlapsCount: Int { overlaps.load(ordering: .relaxed) }
    var completedCount: Int { completed.load(ordering: .relaxed) }
}

/// An actor whose jobs run on a `SingleThreadExecutor`.
private actor PinnedCounter {
    private let executor: SingleThreadExecutor
    private(set) var value = 0
    private(set) var wasAlwaysOnExecutorThread = true

    init(executor: SingleThreadExecutor) {
        self.executor = executor
    }

    nonisolated var unownedExecutor: UnownedSerialExecutor {
        executor.asUnownedSerialExecutor()
    }

    func increment() {
        value += 1
        wasAlwaysOnExecutorThread = wasAlwaysOnExecutorThread && executor.isOnExecutorThread
    }
}
