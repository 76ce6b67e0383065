import Foundation

/// A start (or resize) of a test from the web UI or a script: Locust's `POST /swarm` form
/// fields `user_count`, `spawn_rate`, `host` and `run_time`, each checked here once.
public struct SwarmRequest: Sendable, Equatable {
    /// Users to run (closed model).
    public var users: Int
    /// Users started per second.
    public var spawnRate: Double
    /// The service under test; nil keeps the current one.
    public var host: TargetAddress?
    /// How long the test runs; nil runs it until it is stopped.
    public var runTime: Duration?

    /// The most users one test may ask for.
    public static let maxUsers = 1_000_000

    public init(users: Int, spawnRate: Double, host: TargetAddress? = nil, runTime: Duration? = nil) {
        self.users = users
        self.spawnRate = spawnRate
        self.host = host
        self.runTime = runTime
    }

    /// Reads the form fields (an `application/x-www-form-urlencoded` body, decoded); throws the
    /// first field that is missing or wrong, with a message saying what it takes.
    public init(form: [String: String]) throws(SwarmRequestError) {
        func text(_ field: String) -> String? {
            form[field]?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        }
        guard let usersText = text("user_count") else {
            throw SwarmRequestError(field: "user_count", "Number of users is required, e.g. 50.")
        }
        guard let users = Int(usersText), (1...Self.maxUsers).contains(users) else {
            throw SwarmRequestError(field: "user_count", "Number of users must be a whole number from 1 to \(Self.maxUsers) (got '\(usersText)').")
        }
        guard let rateText = text("spawn_rate") else {
            throw SwarmRequestError(field: "spawn_rate", "Spawn rate is required: users started per second, e.g. 10.")
        }
        guard let spawnRate = Double(rateText), spawnRate > 0, spawnRate.isFinite else {
            throw SwarmRequestError(field: "spawn_rate", "Spawn rate must be a positive number of users per second (got '\(rateText)').")
        }
        var host: TargetAddress?
        if let hostText = text("host") {
            do {
                host = try TargetAddress(parsing: hostText)
            } catch {
                throw SwarmRequestError(field: "host", "Host: \(error)")
            }
        }
        var runTime: Duration?
        if let runTimeText = text("run_time") {
            guard let parsed = DurationText.parse(runTimeText), parsed > .zero else {
                throw SwarmRequestError(
                    field: "run_time", "Run time must be a positive duration such as 30s, 5m or 1h30m, or empty to run until stopped (got '\(runTimeText)').")
            }
            runTime = parsed
        }
        self.init(users: users, spawnRate: spawnRate, host: host, runTime: runTime)
    }

    /// Decodes an `application/x-www-form-urlencoded` body into its fields (the last of a
    /// repeated field wins).
    public static func formFields(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                let spaced = part.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }
}

/// A `POST /swarm` that cannot start: the form field at fault and what it takes.
public struct SwarmRequestError: Error, Equatable, CustomStringConvertible {
    /// The form field at fault (Locust's name), or nil when the problem is not one field's.
    public let field: String?
    public let message: String

    public init(field: String?, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { message }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
