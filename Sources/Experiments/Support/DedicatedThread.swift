import Foundation

/// Runs blocking `body` on a new OS thread of its own and returns its result, so that blocking
/// calls (semaphores, pipes, waiting for a process) never hold one of the few threads of Swift's
/// global concurrent executor.
func onDedicatedThread<Result: Sendable>(_ body: @escaping @Sendable () -> Result) async -> Result {
    await withCheckedContinuation { continuation in
        let thread = Thread { continuation.resume(returning: body()) }
        thread.start()
    }
}
