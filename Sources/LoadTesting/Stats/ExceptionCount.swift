/// How often one error in scenario code happened (a capture that found no value, a template
/// that read a value never captured), and on which workers: the web UI's Exceptions tab.
public struct ExceptionCount: Sendable, Codable, Equatable {
    public let message: String
    public private(set) var occurrences: UInt64
    /// The workers that saw it (empty in a single-process run).
    public private(set) var nodes: [String]

    public init(message: String, occurrences: UInt64, nodes: [String] = []) {
        self.message = message
        self.occurrences = occurrences
        self.nodes = nodes
    }

    /// Adds the occurrences of the same error counted elsewhere.
    mutating func merge(_ other: ExceptionCount) {
        occurrences += other.occurrences
        for node in other.nodes where !nodes.contains(node) { nodes.append(node) }
    }

    /// The same error, seen on `node`.
    func seen(on node: String) -> ExceptionCount {
        ExceptionCount(message: message, occurrences: occurrences, nodes: [node])
    }
}
