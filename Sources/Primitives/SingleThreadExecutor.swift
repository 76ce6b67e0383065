#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// Runs every job on one dedicated OS thread, one at a time, in the order they arrive: Swift's
/// analogue of Go's `GOMAXPROCS=1`.
///
/// Pin tasks to it with `withTaskExecutorPreference(executor) { ... }` (child tasks inherit the
/// preference), or make it an actor's executor by returning `asUnownedSerialExecutor()` from the
/// actor's `unownedExecutor`. Jobs enqueued from the executor's own thread skip the lock, so two
/// tasks handing work back and forth on it cost one queue append and one job run per handoff.
///
/// The thread lives until `shutdown()`, which runs the jobs already enqueued and then joins it;
/// `withExecutor(name:_:)` does both for a scope.
public final class SingleThreadExecutor: TaskExecutor, SerialExecutor, @unchecked Sendable {
    // @unchecked Sendable: `sharedJobs`, `isWaiting`, `isStopping` and `thread` are only touched
    // with `mutex` held; `localJobs` is only touched on the executor's own thread. The pthread
    // mutex and condition must never move in memory, so they live at allocated addresses.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    // Unchecked exclusivity on the variables below: the mutex or the executor's own thread
    // already makes each access exclusive, and the dynamic check cost a runtime call (and a
    // thread-local lookup) on every enqueued and every run job.
    private let hasSharedJobs = Atomic<Bool>(false)
    @exclusivity(unchecked) private var sharedJobs = FirstInFirstOutQueue<QueuedJob>()
    @exclusivity(unchecked) private var localJobs = FirstInFirstOutQueue<QueuedJob>()
    /// The identity the runtime sees when this executor isolates an actor (see `asUnownedSerialExecutor()`).
    private let isolatingView = IsolatingView()
    @exclusivity(unchecked) private var isWaiting = false
    @exclusivity(unchecked) private var isStopping = false
    @exclusivity(unchecked) private var thread: pthread_t?
    /// The thread's identity, readable without the lock (0 until the thread exists).
    private let threadIdentifier = Atomic<UInt>(0)

    /// A name for messages about this executor.
    public let name: String

    /// Starts the executor's thread.
    public init(name: String = "scalelab-serial") {
        self.name = name
        mutex = .allocate(capacity: 1)
        condition = .allocate(capacity: 1)
        precondition(pthread_mutex_init(mutex, nil) == 0, "pthread_mutex_init failed")
        precondition(pthread_cond_init(condition, nil) == 0, "pthread_cond_init failed")
        isolatingView.owner = self
        let context = Unmanaged.passRetained(self).toOpaque()
        #if os(Linux)
            var created = pthread_t()
        #else
            var created: pthread_t?
        #endif
        let status = pthread_create(&created, nil, { context in
            // The thread owns one reference until its loop ends in `shutdown()`.
            let executor = Unmanaged<SingleThreadExecutor>.fromOpaque(context!).takeRetainedValue()
            executor.runJobs()
            return nil
        }, context)
        precondition(status == 0, "pthread_create failed with error \(status)")
        #if os(Linux)
            let handle = created
        #else
            let handle = created!
        #endif
        pthread_mutex_lock(mutex)
        thread = handle
        pthread_mutex_unlock(mutex)
        threadIdentifier.store(Self.identifier(of: handle), ordering: .releasing)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Creates an executor, runs `body` with it, and shuts the executor down afterwards.
    public static func withExecutor<Result>(
        name: String = "scalelab-serial",
        isolation: isolated (any Actor)? = #isolation,
        _ body: (SingleThreadExecutor) async throws -> Result
    ) async rethrows -> Result {
        let executor = SingleThreadExecutor(name: name)
        defer { executor.shutdown() }
        return try await body(executor)
    }

    /// Queues `job` to run on the executor's thread after the jobs already queued, as a task
    /// that prefers this executor (not isolated to an actor).
    public func enqueue(_ job: consuming ExecutorJob) {
        enqueue(QueuedJob(job: UnownedJob(job), isIsolated: false))
    }

    /// The executor as an actor's serial executor: jobs the runtime enqueues through it run
    /// isolated to the actor, on this executor's thread.
    ///
    /// It is a separate identity from the executor itself so that the runtime can tell actor
    /// jobs (run isolated) from task jobs (run without isolation, so that nonisolated code
    /// resuming on this thread does not have to hop once more to leave the isolation).
    public func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: isolatingView)
    }

    private func enqueue(_ job: QueuedJob) {
        if isOnExecutorThread {
            localJobs.append(job)
            return
        }
        pthread_mutex_lock(mutex)
        precondition(!isStopping, "a job was enqueued on SingleThreadExecutor '\(name)' after shutdown(); keep the executor alive until all its tasks finish")
        sharedJobs.append(job)
        hasSharedJobs.store(true, ordering: .relaxed)
        let mustWake = isWaiting
        pthread_mutex_unlock(mutex)
        if mustWake { pthread_cond_signal(condition) }
    }

    /// Runs the jobs already queued, stops the thread and waits for it to end.
    ///
    /// Call it once, from outside the executor, when no task on it is still waiting for work.
    public func shutdown() {
        precondition(!isOnExecutorThread, "SingleThreadExecutor.shutdown() was called on its own thread, which would wait for itself; call it from outside the executor")
        pthread_mutex_lock(mutex)
        precondition(!isStopping, "SingleThreadExecutor.shutdown() was called twice")
        isStopping = true
        let thread = thread
        pthread_mutex_unlock(mutex)
        pthread_cond_signal(condition)
        if let thread { pthread_join(thread, nil) }
    }

    /// Traps unless the caller runs on the executor's thread (for `assumeIsolated`).
    public func checkIsolated() {
        precondition(isOnExecutorThread, "expected to run on SingleThreadExecutor '\(name)'")
    }

    /// True when the caller runs on the executor's thread.
    public var isOnExecutorThread: Bool {
        Self.identifier(of: pthread_self()) == threadIdentifier.load(ordering: .acquiring)
    }

    private static func identifier(of thread: pthread_t) -> UInt {
        #if os(Linux)
            UInt(thread)
        #else
            UInt(bitPattern: thread)
        #endif
    }

    private func runJobs() {
        let serialExecutor = asUnownedSerialExecutor()
        let taskExecutor = asUnownedTaskExecutor()
        while true {
            while let queued = localJobs.popFirst() {
                if queued.isIsolated {
                    queued.job.runSynchronously(isolatedTo: serialExecutor, taskExecutor: taskExecutor)
                } else {
                    queued.job.runSynchronously(on: taskExecutor)
                }
                if hasSharedJobs.load(ordering: .relaxed) { moveSharedJobs() }
            }
            pthread_mutex_lock(mutex)
            while sharedJobs.isEmpty && !isStopping {
                isWaiting = true
                pthread_cond_wait(condition, mutex)
                isWaiting = false
            }
            if sharedJobs.isEmpty {
                pthread_mutex_unlock(mutex)
                return
            }
            swap(&localJobs, &sharedJobs)
            hasSharedJobs.store(false, ordering: .relaxed)
            pthread_mutex_unlock(mutex)
        }
    }

    /// Appends the jobs other threads enqueued behind the local ones, so that neither starves.
    private func moveSharedJobs() {
        pthread_mutex_lock(mutex)
        while let job = sharedJobs.popFirst() { localJobs.append(job) }
        hasSharedJobs.store(false, ordering: .relaxed)
        pthread_mutex_unlock(mutex)
    }
}

extension SingleThreadExecutor {
    /// A job waiting to run, and whether it runs isolated to an actor on this executor.
    private struct QueuedJob {
        let job: UnownedJob
        let isIsolated: Bool
    }

    /// The serial executor the runtime sees for actors on this executor: it forwards their jobs
    /// to the executor, marked to run isolated.
    private final class IsolatingView: SerialExecutor, @unchecked Sendable {
        // @unchecked Sendable: `owner` is set once, in the executor's initializer before its
        // thread starts and before any job can be enqueued, and never changes afterwards.
        weak var owner: SingleThreadExecutor?

        func enqueue(_ job: consuming ExecutorJob) {
            guard let owner else {
                preconditionFailure("an actor enqueued a job on a SingleThreadExecutor that no longer exists; keep the executor alive as long as its actors")
            }
            owner.enqueue(QueuedJob(job: UnownedJob(job), isIsolated: true))
        }

        func checkIsolated() {
            guard let owner, owner.isOnExecutorThread else {
                preconditionFailure("expected to run on a SingleThreadExecutor's thread")
            }
        }
    }
}
