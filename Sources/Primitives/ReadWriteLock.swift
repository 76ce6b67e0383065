#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A reader-writer lock guarding a value: many readers at once, or one writer alone.
///
/// Wraps `pthread_rwlock_t`, since the standard library has no reader-writer lock. On Linux the
/// lock prefers writers, so a steady stream of readers cannot starve a writer (glibc's default
/// prefers readers). The value must be `Sendable` because readers on several threads see it at
/// the same time.
public final class ReadWriteLock<Value: Sendable>: @unchecked Sendable {
    // @unchecked Sendable: `value` is only touched while `lock` is held (shared for reads,
    // exclusive for writes), which is exactly the guarantee Sendable asks for.
    // The pthread lock must never move in memory, so it lives at an allocated address.
    @usableFromInline let lock: UnsafeMutablePointer<pthread_rwlock_t>
    // Unchecked exclusivity: the lock already guarantees that a writer is alone, and readers
    // only read; the dynamic check would cost a runtime call on every access.
    @exclusivity(unchecked) @usableFromInline var value: Value

    public init(_ value: Value) {
        self.value = value
        lock = .allocate(capacity: 1)
        var attributes = pthread_rwlockattr_t()
        pthread_rwlockattr_init(&attributes)
        #if os(Linux)
            pthread_rwlockattr_setkind_np(&attributes, Int32(PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP))
        #endif
        let status = pthread_rwlock_init(lock, &attributes)
        pthread_rwlockattr_destroy(&attributes)
        precondition(status == 0, "pthread_rwlock_init failed with error \(status)")
    }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deallocate()
    }

    /// Runs `body` with shared access; other readers may run at the same time. The value is
    /// lent to `body`, not copied.
    @inlinable
    public func withReadLock<Result>(_ body: (borrowing Value) throws -> Result) rethrows -> Result {
        let status = pthread_rwlock_rdlock(lock)
        precondition(status == 0, "pthread_rwlock_rdlock failed with error \(status)")
        defer { pthread_rwlock_unlock(lock) }
        return try body(value)
    }

    /// Runs `body` with exclusive access.
    @inlinable
    public func withWriteLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        let status = pthread_rwlock_wrlock(lock)
        precondition(status == 0, "pthread_rwlock_wrlock failed with error \(status)")
        defer { pthread_rwlock_unlock(lock) }
        return try body(&value)
    }
}
