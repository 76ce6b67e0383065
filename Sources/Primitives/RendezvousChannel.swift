import Synchronization

/// A channel without a buffer, like Go's `make(chan T)`: `send(_:)` waits until a receiver takes
/// the value, and `receive()` waits until a sender offers one.
///
/// Any number of tasks may send and receive at once; waiting senders and receivers are served in
/// arrival order. `close()` ends the channel: waiting and later senders throw
/// `RendezvousChannelClosedError`, waiting and later receivers get nil. Waiting is not cancellable:
/// close the channel to release its waiters.
public final class RendezvousChannel<Element: Sendable>: Sendable {
    @usableFromInline struct WaitingSender {
        @usableFromInline let value: Element
        // Unsafe continuations: each is resumed exactly once, by the code that removes it from
        // the state under the lock, and the checked variant would double the cost of a handoff.
        @usableFromInline let continuation: UnsafeContinuation<Bool, Never>

        @inlinable init(value: Element, continuation: UnsafeContinuation<Bool, Never>) {
            self.value = value
            self.continuation = continuation
        }
    }

    @usableFromInline struct State {
        @usableFromInline var senders = FirstInFirstOutQueue<WaitingSender>()
        @usableFromInline var receivers = FirstInFirstOutQueue<UnsafeContinuation<Element?, Never>>()
        @usableFromInline var isClosed = false

        @inlinable init() {}
    }

    /// What a sender does once it holds the lock.
    @usableFromInline enum SendStep {
        case closed, handOver(UnsafeContinuation<Element?, Never>), wait
    }

    /// What a receiver does once it holds the lock.
    @usableFromInline enum ReceiveStep {
        case closed, take(WaitingSender), wait
    }

    @usableFromInline let state = Mutex(State())

    public init() {}

    /// Hands `value` to a receiver, waiting until one takes it.
    ///
    /// - Throws: `RendezvousChannelClosedError` if the channel is closed before a receiver takes it.
    @inlinable
    public func send(_ value: Element) async throws(RendezvousChannelClosedError) {
        let waitingReceiver = state.withLock { state in
            state.isClosed ? nil : state.receivers.popFirst()
        }
        if let waitingReceiver {
            waitingReceiver.resume(returning: value)
            return
        }
        let isDelivered = await withUnsafeContinuation { (continuation: UnsafeContinuation<Bool, Never>) in
            let next: SendStep = state.withLock { state in
                if state.isClosed { return .closed }
                if let receiver = state.receivers.popFirst() { return .handOver(receiver) }
                state.senders.append(WaitingSender(value: value, continuation: continuation))
                return .wait
            }
            switch next {
            case .closed:
                continuation.resume(returning: false)
            case .handOver(let receiver):
                receiver.resume(returning: value)
                continuation.resume(returning: true)
            case .wait:
                break
            }
        }
        guard isDelivered else { throw RendezvousChannelClosedError() }
    }

    /// Takes a value from a sender, waiting until one offers it; nil once the channel is closed
    /// and no sender is waiting.
    @inlinable
    public func receive() async -> Element? {
        let waitingSender = state.withLock { state in state.senders.popFirst() }
        if let waitingSender {
            waitingSender.continuation.resume(returning: true)
            return waitingSender.value
        }
        return await withUnsafeContinuation { (continuation: UnsafeContinuation<Element?, Never>) in
            let next: ReceiveStep = state.withLock { state in
                if let sender = state.senders.popFirst() { return .take(sender) }
                if state.isClosed { return .closed }
                state.receivers.append(continuation)
                return .wait
            }
            switch next {
            case .closed:
                continuation.resume(returning: nil)
            case .take(let sender):
                sender.continuation.resume(returning: true)
                continuation.resume(returning: sender.value)
            case .wait:
                break
            }
        }
    }

    /// Closes the channel: waiting senders throw, waiting receivers get nil, and so do all later
    /// calls. Closing twice does nothing more.
    public func close() {
        var (senders, receivers) = state.withLock { state in
            state.isClosed = true
            defer {
                state.senders = FirstInFirstOutQueue()
                state.receivers = FirstInFirstOutQueue()
            }
            return (state.senders, state.receivers)
        }
        while let sender = senders.popFirst() { sender.continuation.resume(returning: false) }
        while let receiver = receivers.popFirst() { receiver.resume(returning: nil) }
    }

    /// True once `close()` was called.
    public var isClosed: Bool {
        state.withLock { $0.isClosed }
    }
}

/// Thrown by `RendezvousChannel.send(_:)` when the channel is closed before a receiver takes the value.
public struct RendezvousChannelClosedError: Error, CustomStringConvertible, Equatable {
    public init() {}

    public var description: String {
        "The channel was closed before a receiver took the value."
    }
}
