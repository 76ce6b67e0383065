import NIOCore

/// A value given at once, or later by a future on the event loop that asked for it.
///
/// Stores answer through it: the in-memory store answers `.ready` (no future, no allocation,
/// no hop), a store that does I/O answers `.pending` with a future that completes on the loop
/// passed in, so the event-loop engine never waits on store I/O. A pending value fails only
/// with `AlbumStoreError`.
public enum Deferred<Value: Sendable>: Sendable {
    /// The value, known now.
    case ready(Value)
    /// The value, once the future completes.
    case pending(EventLoopFuture<Value>)

    /// The value passed through `transform`, at once when it is ready.
    @inlinable
    public func map<NewValue: Sendable>(_ transform: @escaping @Sendable (Value) -> NewValue) -> Deferred<NewValue> {
        switch self {
        case .ready(let value): .ready(transform(value))
        case .pending(let future): .pending(future.map(transform))
        }
    }

    /// The deferred value `transform` makes of this one, at once when both are ready.
    @inlinable
    public func flatMap<NewValue: Sendable>(_ transform: @escaping @Sendable (Value) -> Deferred<NewValue>)
        -> Deferred<NewValue>
    {
        switch self {
        case .ready(let value):
            return transform(value)
        case .pending(let future):
            return .pending(future.flatMap { transform($0).future(on: future.eventLoop) })
        }
    }

    /// The value as a future on `loop` (an already-succeeded one when it is ready).
    public func future(on loop: any EventLoop) -> EventLoopFuture<Value> {
        switch self {
        case .ready(let value): loop.makeSucceededFuture(value)
        case .pending(let future): future.hop(to: loop)
        }
    }

    /// The value, waiting for it when it is pending.
    public func get() async throws -> Value {
        switch self {
        case .ready(let value): value
        case .pending(let future): try await future.get()
        }
    }
}
