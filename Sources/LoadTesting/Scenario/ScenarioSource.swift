import Foundation

/// Where a scenario comes from, in a form that travels from the master to its workers: a name
/// (built in, or a scenario in Swift registered on every worker), or the text of a scenario file
/// (so workers need no copy of the file).
public enum ScenarioSource: Sendable, Codable, Equatable {
    case named(String)
    case file(name: String, json: String)

    /// Builds the scenario, looking names up in `registered` first and then among the built-in
    /// ones; throws a message naming the problem.
    public func scenario(registered: [String: Scenario] = [:]) throws -> Scenario {
        switch self {
        case .named(let name):
            guard let scenario = registered[name] ?? Scenario.builtIn[name] else {
                let known = (Array(Scenario.builtIn.keys) + Array(registered.keys)).sorted().joined(separator: ", ")
                throw ScenarioFileError(
                    location: "", message: "unknown scenario '\(name)': neither built in nor registered on this worker (it knows \(known)).")
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

    /// A scenario known by its name to every worker: built in, or written in Swift and
    /// registered on each worker (`ClusterWorker(options:scenarios:)`).
    public init(named scenario: Scenario) {
        self.init(scenario, from: .named(scenario.name))
    }

    private init(_ scenario: Scenario, from source: ScenarioSource) {
        self.scenario = scenario
        self.source = source
    }

    /// A built-in scenario's name or the path of a scenario file (`.json`); throws a message
    /// saying what is wrong and what is accepted.
    public init(parsing text: String) throws(ScenarioFileError) {
        if let builtIn = Scenario.builtIn[text] {
            self.init(named: builtIn)
            return
        }
        guard text.hasSuffix(".json") || FileManager.default.fileExists(atPath: text) else {
            let known = Scenario.builtIn.keys.sorted().joined(separator: ", ")
            throw ScenarioFileError(
                location: "", message: "unknown scenario '\(text)'; built in: \(known), or give a .json scenario file.")
        }
        let file = try ScenarioFile.loadWithText(path: text)
        self.init(file.scenario, from: .file(name: file.name, json: file.text))
    }
}
