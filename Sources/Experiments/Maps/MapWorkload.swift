import Primitives
import Statistics

/// How the tasks of the maps experiment use the shared map.
///
/// `tasks` tasks on the global executor each do `keysPerTask` operations; only that concurrent
/// phase is timed (task creation included, as in Go's fan-out). Key `k` is written with the value
/// `k + 1` (and, by `mixed`, with `-(k + 1)`), so a value that was never written is recognized.
public enum MapWorkload: String, CaseIterable, Codable, Sendable {
    /// Each task writes its own `keysPerTask` distinct keys into an empty map (the original
    /// experiment); the map must end with `tasks × keysPerTask` entries.
    case write
    /// Each task looks up `keysPerTask` existing keys in a filled map.
    case read
    /// A filled map; each task's operations are 90% lookups and 10% replacements of existing
    /// values.
    case mixed

    /// One line for help text and table titles.
    public var explanation: String {
        switch self {
        case .write: "each task writes its own distinct keys into one empty map"
        case .read: "each task looks up existing keys in one filled map"
        case .mixed: "90% lookups, 10% replaced values, in one filled map"
        }
    }

    /// Runs this workload once on an empty `map` and checks what the map holds afterwards.
    func run<Map: ConcurrentMap<Int, Int>>(on map: Map, tasks: Int, keysPerTask: Int) async -> MapRunReport {
        let keyCount = tasks * keysPerTask
        if self != .write {
            for key in 0..<keyCount { map.updateValue(Self.writtenValue(of: key), forKey: key) }
        }
        let (seconds, wrongReads) = await Stopwatch.time {
            await withTaskGroup(of: Int.self) { group in
                for task in 0..<tasks {
                    group.addTask { self.perform(task: task, on: map, tasks: tasks, keysPerTask: keysPerTask) }
                }
                return await group.reduce(0, +)
            }
        }
        return MapRunReport(
            seconds: seconds,
            count: map.count,
            expectedCount: keyCount,
            wrongValues: wrongValues(in: map.snapshot(), tasks: tasks, keysPerTask: keysPerTask),
            wrongReads: wrongReads
        )
    }

    /// One task's operations; returns how many lookups found a value that was never written.
    private func perform<Map: ConcurrentMap<Int, Int>>(
        task: Int, on map: Map, tasks: Int, keysPerTask: Int
    ) -> Int {
        var wrongReads = 0
        switch self {
        case .write:
            for index in 0..<keysPerTask {
                let key = task * keysPerTask + index
                map.updateValue(Self.writtenValue(of: key), forKey: key)
            }
        case .read:
            for index in 0..<keysPerTask {
                let key = Self.key(task: task, index: index, keyCount: tasks * keysPerTask)
                if map.value(forKey: key) != Self.writtenValue(of: key) { wrongReads += 1 }
            }
        case .mixed:
            for index in 0..<keysPerTask {
                let key = Self.key(task: task, index: index, keyCount: tasks * keysPerTask)
                if Self.isReplacement(index: index) {
                    map.updateValue(Self.replacedValue(of: key), forKey: key)
                } else {
                    let value = map.value(forKey: key)
                    if value != Self.writtenValue(of: key) && value != Self.replacedValue(of: key) {
                        wrongReads += 1
                    }
                }
            }
        }
        return wrongReads
    }

    /// Keys that should be missing or hold a value other than the one expected at the end.
    private func wrongValues(in entries: [Int: Int], tasks: Int, keysPerTask: Int) -> Int {
        let keyCount = tasks * keysPerTask
        var expected = (0..<keyCount).map(Self.writtenValue(of:))
        if self == .mixed {
            for task in 0..<tasks {
                for index in 0..<keysPerTask where Self.isReplacement(index: index) {
                    let key = Self.key(task: task, index: index, keyCount: keyCount)
                    expected[key] = Self.replacedValue(of: key)
                }
            }
        }
        return expected.indices.reduce(0) { wrong, key in
            entries[key] == expected[key] ? wrong : wrong + 1
        }
    }

    /// The key a reading task visits at `index`: spread over the map as in the Go original.
    private static func key(task: Int, index: Int, keyCount: Int) -> Int {
        (task * 7919 + index) % keyCount
    }

    private static func isReplacement(index: Int) -> Bool {
        index % 10 == 0
    }

    private static func writtenValue(of key: Int) -> Int {
        key + 1
    }

    private static func replacedValue(of key: Int) -> Int {
        -(key + 1)
    }
}
