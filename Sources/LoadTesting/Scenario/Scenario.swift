/// What a load test does: one or more user types, spawned in proportion to their weights.
public struct Scenario: Sendable {
    public let name: String
    public let userTypes: [UserType]

    public init(name: String, userTypes: [UserType]) {
        precondition(!userTypes.isEmpty, "a scenario needs at least one user type")
        self.name = name
        self.userTypes = userTypes
    }

    /// How many of users `0..<users` each type gets (in the order of `userTypes`), as
    /// `userType(forUser:)` deals them, counted without visiting every user.
    public func userCounts(_ users: Int) -> [Int] {
        let total = userTypes.reduce(0) { $0 + $1.weight }
        let (rounds, rest) = users.quotientAndRemainder(dividingBy: total)
        var slotsBefore = 0
        return userTypes.map { type in
            defer { slotsBefore += type.weight }
            return rounds * type.weight + min(max(rest - slotsBefore, 0), type.weight)
        }
    }

    /// The type of the user with index `userIndex`, so that types are spread evenly by weight:
    /// with weights 3 and 1, users 0, 1, 2 get the first type and user 3 the second.
    public func userType(forUser userIndex: Int) -> UserType {
        let total = userTypes.reduce(0) { $0 + $1.weight }
        var slot = userIndex % total
        for type in userTypes {
            if slot < type.weight { return type }
            slot -= type.weight
        }
        return userTypes[userTypes.count - 1]
    }
}
