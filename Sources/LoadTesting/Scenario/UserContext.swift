/// The state one virtual user keeps between its tasks: a random number generator, a counter,
/// and values captured from earlier responses (such as the id of an album it created).
///
/// Each user has its own context, used only on its event loop, so tasks read and change it
/// without locks.
public struct UserContext: Sendable {
    /// The user's number, 0 for the first user spawned.
    public let userIndex: Int
    /// The user's random number generator (fast, seeded from the system per user).
    public var random: SplitMixRandomNumberGenerator
    /// Captured values by name; tasks add to them with `capture(_:as:)`.
    public private(set) var captured: [String: [String]] = [:]
    private var counters: [String: Int] = [:]
    /// Errors in scenario code since the runner last took them (the Exceptions tab's rows).
    private var problems: [String] = []

    /// How many values each capture name keeps (the most recent ones).
    public static let capturedValuesKept = 1_000

    public init(userIndex: Int) {
        self.userIndex = userIndex
        self.random = SplitMixRandomNumberGenerator()
    }

    /// The next value of the counter `name`, starting at 1.
    public mutating func nextCount(_ name: String = "counter") -> Int {
        let next = counters[name, default: 0] + 1
        counters[name] = next
        return next
    }

    /// A random integer in `range`.
    public mutating func randomInteger(in range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &random)
    }

    /// Keeps `value` under `name` for later tasks; keeps only the most recent values.
    public mutating func capture(_ value: String, as name: String) {
        // In place: a copy of the array would copy up to a thousand values per capture.
        captured[name, default: []].append(value)
        if captured[name]!.count > Self.capturedValuesKept { captured[name]!.removeFirst() }
    }

    /// Reports an error in scenario code (a capture that found nothing, say); the run counts
    /// them by message and shows them apart from failed requests.
    public mutating func reportProblem(_ message: String) {
        problems.append(message)
    }

    /// The problems reported since the last call (called after every request: nothing is
    /// written when there were none).
    mutating func takeProblems() -> [String] {
        guard !problems.isEmpty else { return [] }
        defer { problems = [] }
        return problems
    }

    /// A random value captured under `name`, or nil when none has been captured yet.
    public mutating func randomCaptured(_ name: String) -> String? {
        guard let values = captured[name], !values.isEmpty else { return nil }
        return values[Int.random(in: values.indices, using: &random)]
    }
}
