import Foundation

/// Where a scenario comes from, in a form that travels from the master to its workers: a
/// built-in name, or the text of a scenario file (so workers need no copy of the file).
public enum ScenarioSource: Sendable, Codable, Equatable {
    case builtIn(name: String)
    case file(name: String, json: String)

    /// Builds the scenario; throws a message naming the problem.
    public func scenario() throws -> Scenario {
        switch self {
        case .builtIn(let name):
            guard let scenario = Scenario.builtIn[name] else {
                throw ScenarioFileError(location: "", message: "unknown built-in scenario '\(name)'.")
            }
            return scenario
        case .file(let name, let json):
            return try ScenarioFile.parse(Data(json.utf8), defaultName: name)
        }
    }
}

/// A scenario chosen on the command line (`--scenario`): read and checked once, and kept with
/// its source for the workers of a distributed run.
public struct ScenarioChoice: Sendable {
    public let scenario: Scenario
    public let source: ScenarioSource

    /// A built-in scenario's name or the path of a scenario file (`.json`); throws a message
    /// saying what is wrong and what is accepted.
    public init(parsing text: String) throws(ScenarioFileError) {
        if let builtIn = Scenario.builtIn[text] {
            scenario = builtIn
            source = .builtIn(name: text)
            return
        }
        guard text.hasSuffix(".json") || FileManager.default.fileExists(atPath: text) else {
            let known = Scenario.builtIn.keys.sorted().joined(separator: ", ")
            throw ScenarioFileError(
                location: "", message: "unknown scenario '\(text)'; built in: \(known), or give a .json scenario file.")
        }
        let file = try ScenarioFile.loadWithText(path: text)
        scenario = file.scenario
        source = .file(name: file.name, json: file.text)
    }
}
