/// A kind of virtual user: its weighted tasks and its wait time (Locust's `User` class).
///
/// ```swift
/// let shopper = UserType("shopper", weight: 1, wait: .between(.seconds(1), .seconds(2)), tasks: [
///     LoadTask("list", weight: 3) { _ in LoadRequest(path: "/albums") },
///     LoadTask("one") { context in
///         LoadRequest(path: "/albums/\(context.randomInteger(in: 1...3))", name: "/albums/{id}")
///     },
/// ])
/// ```
public struct UserType: Sendable {
    public let name: String
    /// The share of users of this type when a scenario has several types.
    public let weight: Int
    public let wait: WaitTime
    public let tasks: [LoadTask]
    private let cumulativeWeights: [Int]

    public init(_ name: String, weight: Int = 1, wait: WaitTime = .none, tasks: [LoadTask]) {
        precondition(!tasks.isEmpty, "a user type needs at least one task")
        precondition(weight > 0, "a user type's weight must be positive")
        self.name = name
        self.weight = weight
        self.wait = wait
        self.tasks = tasks
        var total = 0
        self.cumulativeWeights = tasks.map { total += $0.weight; return total }
    }

    /// A task drawn at random in proportion to the tasks' weights.
    public func randomTask(using random: inout some RandomNumberGenerator) -> LoadTask {
        if tasks.count == 1 { return tasks[0] }
        let draw = Int.random(in: 0..<cumulativeWeights[cumulativeWeights.count - 1], using: &random)
        let index = cumulativeWeights.firstIndex { draw < $0 } ?? tasks.count - 1
        return tasks[index]
    }
}
