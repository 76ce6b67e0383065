/// A dictionary that many tasks and threads may read and write at the same time.
///
/// Every map strategy the experiments measure and the album service can use conforms to this
/// protocol, so one workload can be run against each. Each single call is atomic (linearizable):
/// a call that returned is seen by every call that starts after it.
public protocol ConcurrentMap<Key, Value>: AnyObject, Sendable {
    associatedtype Key: Hashable & Sendable
    associatedtype Value: Sendable

    /// An empty map.
    init()

    /// The value stored for `key`, or nil.
    func value(forKey key: Key) -> Value?

    /// Stores `value` for `key`, returning the value it replaced, if any.
    @discardableResult
    func updateValue(_ value: Value, forKey key: Key) -> Value?

    /// Stores `value` only if `key` has no value yet; returns whether it was stored.
    func insertValue(_ value: Value, forKey key: Key) -> Bool

    /// Removes the value for `key`, returning it, if any.
    @discardableResult
    func removeValue(forKey key: Key) -> Value?

    /// The number of entries.
    var count: Int { get }

    /// A consistent copy of every entry at one instant.
    func snapshot() -> [Key: Value]
}
