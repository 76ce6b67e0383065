import AlbumService
import Foundation
import Statistics

/// What a report names besides its numbers: the machine, the build, the parameters and the date.
package struct StudyContext: Codable, Sendable {
    package let machine: MachineDescription
    /// When the study started, ISO 8601 in UTC.
    package let date: String
    /// The command that ran the study, as typed.
    package let command: String
    package let size: StudySize
    /// The parts run, in order.
    package let parts: [StudyPart]
    /// The PostgreSQL database the store comparison used (without its password), if any.
    package let postgres: String?
    /// "debug" or "release": debug builds are several times slower, so their figures are not
    /// comparable with the original's.
    package let buildConfiguration: String

    package init(
        machine: MachineDescription = .current, date: Date = Date(), command: String, size: StudySize, parts: [StudyPart],
        postgres: String? = nil
    ) {
        self.postgres = postgres
        self.machine = machine
        self.date = ISO8601DateFormatter().string(from: date)
        self.command = command
        self.size = size
        self.parts = parts
        #if DEBUG
            buildConfiguration = "debug"
        #else
            buildConfiguration = "release"
        #endif
    }

    /// The command as the report names it: `scalelab` and the arguments after the program's
    /// path, with --postgres's URL written without its password.
    package static func command(typed arguments: [String], postgres: PostgresAddress?) -> String {
        var words = ["scalelab"]
        var next = arguments.dropFirst().makeIterator()
        while let word = next.next() {
            if word == "--postgres", let url = next.next() {
                words += [word, postgres?.description ?? url]
            } else if word.hasPrefix("--postgres=") {
                words.append("--postgres=" + (postgres?.description ?? ""))
            } else {
                words.append(word)
            }
        }
        return words.joined(separator: " ")
    }

    /// The report's opening facts, one per line.
    var facts: [String] {
        var facts = [
            "Machine: \(machine.oneLine).",
            "Date: \(date).",
            "Command: \(command)",
            "Versions: ScaleLab built by \(machine.swiftVersion), \(buildConfiguration) build; the original: \(OriginalFigures.machine).",
            "Size: \(size == .quick ? "quick (every section at small sizes: figures are indicative only)" : "full (the original's sizes)"); parts: \(parts.map(\.rawValue).joined(separator: ", ")).",
        ]
        if let postgres {
            facts.append("PostgreSQL (the store comparison): \(postgres).")
        }
        if buildConfiguration == "debug" {
            facts.append("This is a debug build: its times are several times those of a release build (swift build -c release); compare them with the original's only as orders of magnitude.")
        }
        return facts
    }
}
