import ArgumentParser
import Experiments
import Foundation
import Reporting

/// How a report is written: `--format`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, markdown, json
}

/// Options every experiment takes.
struct ExperimentOptions: ParsableArguments {
    @Option(help: "Measured runs after one unmeasured warm-up run.")
    var runs: Int = 7

    @Option(help: "Report format: table (terminal), markdown, or json (every number the tables show).")
    var format: OutputFormat = .table

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    func validate() throws {
        guard runs >= 1 else {
            throw ValidationError("--runs must be at least 1 (got \(runs)); try --runs 7.")
        }
        if let output, output.isEmpty {
            throw ValidationError("--output needs a file path, e.g. --output results.md.")
        }
    }

    /// Renders `results` in the chosen format and writes them to the output.
    func write(_ results: [any ExperimentResult]) throws {
        let text: String
        switch format {
        case .table:
            text = results.flatMap(\.tables).map { $0.renderedAsText() }.joined(separator: "\n")
        case .markdown:
            text = results.flatMap(\.tables).map { $0.renderedAsMarkdown() }.joined(separator: "\n")
        case .json:
            text = try Self.json(results)
        }
        if let output {
            do {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                throw ValidationError("Cannot write the report to \(output): \(error.localizedDescription). Check that the folder exists and is writable.")
            }
        } else {
            print(text, terminator: "")
        }
    }

    private static func json(_ results: [any ExperimentResult]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let parts = try results.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        return parts.count == 1 ? parts[0] + "\n" : "[\n" + parts.joined(separator: ",\n") + "\n]\n"
    }
}
