/// How the master shares a run's load among its workers, so that the combined load equals one
/// generator's: every user index (closed model) on exactly one worker, and the arrival rate
/// and connections (open model) split evenly.
enum UserAllocation {
    /// Users `0..<total` shared among `workers` (in join order) in shares that differ by at most
    /// one. Each worker keeps what it runs in `current` as far as its share allows (a worker
    /// over its share gives up its highest indices); the users of workers no longer listed go
    /// to those with room, lowest indices first. Deterministic, and idempotent: allocating
    /// again with the result as `current` returns the result.
    static func users(_ total: Int, among workers: [String], keeping current: [String: [Int]] = [:]) -> [String: [Int]] {
        guard !workers.isEmpty else { return [:] }
        let shares = LoadEngine.split(total, into: workers.count)
        var taken = Set<Int>()
        var kept: [String: [Int]] = [:]
        for (worker, share) in zip(workers, shares) {
            let mine = (current[worker] ?? []).filter { $0 >= 0 && $0 < total && !taken.contains($0) }.sorted()
            let keep = Array(mine.prefix(share))
            taken.formUnion(keep)
            kept[worker] = keep
        }
        var free = (0..<total).lazy.filter { !taken.contains($0) }.makeIterator()
        for (worker, share) in zip(workers, shares) {
            var users = kept[worker] ?? []
            while users.count < share, let next = free.next() { users.append(next) }
            kept[worker] = users.sorted()
        }
        return kept
    }

    /// The open model's `rate` and `maxInFlight` connections shared among `workers`, each
    /// with the index of its first connection slot.
    static func arrivals(
        rate: Double, maxInFlight: Int, among workers: [String]
    ) -> [String: (rate: Double, maxInFlight: Int, firstSlotIndex: Int)] {
        guard !workers.isEmpty else { return [:] }
        let connections = LoadEngine.split(maxInFlight, into: workers.count)
        var result: [String: (rate: Double, maxInFlight: Int, firstSlotIndex: Int)] = [:]
        var slot = 0
        for (worker, share) in zip(workers, connections) {
            result[worker] = (rate / Double(workers.count), max(1, share), slot)
            slot += share
        }
        return result
    }
}
