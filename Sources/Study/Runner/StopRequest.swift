import Synchronization

/// Asks a running study to stop at the end of its current step (Ctrl-C), so that what was
/// measured is still written.
package final class StopRequest: Sendable {
    private let requested = Atomic<Bool>(false)

    package init() {}

    /// Asks the study to stop after the step it is in.
    package func request() {
        requested.store(true, ordering: .relaxed)
    }

    /// True once `request()` was called.
    package var isRequested: Bool {
        requested.load(ordering: .relaxed)
    }
}
