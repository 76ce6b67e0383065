/// A scenario file that cannot be used: which file, where in it, and what is wrong.
public struct ScenarioFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A problem found without knowing where it is yet; the parser adds the location.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// The file, or nil before it is known.
    public var file: String?
    /// Where in the file, e.g. "users[0].tasks[2].weight".
    public let location: String
    public let message: String

    init(file: String? = nil, location: String, message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    public var description: String {
        let place = [file, location.isEmpty ? nil : location].compactMap { $0 }
        return place.isEmpty ? message : place.joined(separator: ": ") + ": " + message
    }
}
