import Primitives

/// A plain `Dictionary` that many tasks mutate with no synchronization at all: the broken
/// baseline of the maps experiment. It only ever runs in a child process (see
/// `MapsExperiment.unsynchronizedChildWork`), because the data race may corrupt the dictionary,
/// crash, or hang.
final class UnsynchronizedMap: ConcurrentMap, @unchecked Sendable {
    // @unchecked Sendable: a lie on purpose. Sharing this dictionary between threads without a
    // lock is the data race the experiment demonstrates.
    private var entries: [Int: Int] = [:]

    init() {}

    func value(forKey key: Int) -> Int? {
        entries[key]
    }

    @discardableResult
    func updateValue(_ value: Int, forKey key: Int) -> Int? {
        entries.updateValue(value, forKey: key)
    }

    func insertValue(_ value: Int, forKey key: Int) -> Bool {
        guard entries[key] == nil else { return false }
        entries[key] = value
        return true
    }

    @discardableResult
    func removeValue(forKey key: Int) -> Int? {
        entries.removeValue(forKey: key)
    }

    var count: Int {
        entries.count
    }

    func snapshot() -> [Int: Int] {
        entries
    }
}
