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
    /// "debug" or "release": debug builds are several times slower, so their figures are not
    /// comparable with the original's.
    package let buildConfiguration: String

    package init(
        machine: MachineDescription = .current, date: Date = Date(), command: String, size: StudySize, parts: [StudyPart]
    ) {
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

    /// The report's opening facts, one per line.
    var facts: [String] {
        var facts = [
            "Machine: \(machine.oneLine).",
            "Date: \(date).",
            "Command: \(command)",
            "Versions: ScaleLab built by \(machine.swiftVersion), \(buildConfiguration) build; the original: \(OriginalFigures.machine).",
            "Size: \(size == .quick ? "quick (every section at small sizes: figures are indicative only)" : "full (the original's sizes)"); parts: \(parts.map(\.rawValue).joined(separator: ", ")).",
        ]
        if buildConfiguration == "debug" {
            facts.append("This is a debug build: its times are several times those of a release build (swift build -c release); compare them with the original's only as orders of magnitude.")
        }
        return facts
    }
}
