import AlbumService
import ArgumentParser
import Foundation
import Logging
import Study

/// `scalelab study`: the original report, rerun on this machine by one command.
struct StudyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Rerun the original study on this machine and write one report with its figures beside the original's.",
        discussion: """
            Runs the study's steps one after another, showing the current step, the steps left \
            and an estimate of the time left on standard error, then writes to --output: \
            index.html (one self-contained page with SVG charts), report.md, and data/ with the \
            JSON and CSV of every run. The report names the machine, versions, parameters and \
            date; its conclusions are generated from the numbers, and say where this machine \
            disagrees with the original.

            Parts (--only): \(StudyPart.allCases.map { "\($0.rawValue): \($0.explanation)" }.joined(separator: "; ")).

            The store comparison measures memory and SQLite; with --postgres it adds the \
            PostgreSQL database named there (the study adds albums to it and removes none).

            Ctrl-C stops at the end of the current step and still writes what was measured; a \
            second Ctrl-C quits at once.

            Exit codes: 0 every step ran; 1 a step failed or was stopped (the report says which), \
            the report could not be written, or the --postgres database cannot be used (checked \
            before the first step); 64 bad command-line usage.
            """
    )

    @Option(help: "The folder to write index.html, report.md and data/ to (created if missing).")
    var output = "scalelab-study"

    @Flag(help: "Run every section at small sizes (about two minutes on 2 cores; figures indicative only).")
    var quick = false

    @Option(help: "Run only this part of the study.")
    var only: StudyPart?

    @Option(
        help: ArgumentHelp(
            "A PostgreSQL database for the store comparison: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE.",
            valueName: "url"),
        transform: { try PostgresAddress(parsing: $0, option: "--postgres") })
    var postgres: PostgresAddress?

    func validate() throws {
        guard !output.isEmpty else {
            throw ValidationError("--output needs a folder, e.g. --output scalelab-study.")
        }
    }

    func run() async throws {
        let size: StudySize = quick ? .quick : .full
        let parts = only.map { [$0] } ?? StudyPart.allCases
        let context = StudyContext(
            command: StudyContext.command(typed: CommandLine.arguments, postgres: postgres), size: size, parts: parts, postgres: postgres?.description)
        let plan = StudyPlan(size: size, parts: parts, postgres: postgres, detail: { Self.note("    … \($0)") })
        if let postgres, parts.contains(.service) {
            // Before the long work: a database the store comparison cannot use stops the study now.
            do {
                _ = try await PostgresAlbumStore.open(postgres, seed: AlbumServerConfiguration().seed, maximumConnections: 1, option: "--postgres", logger: Self.quiet)
            } catch {
                Self.note("error: \(error.description) Or leave out --postgres to compare memory and SQLite only.")
                throw ExitCode.failure
            }
        }
        let stop = StopRequest()
        let interrupt = Interrupt.onFirstCtrlC(saying: "Stopping after the current step (press Ctrl-C again to quit at once)...") {
            stop.request()
        }
        defer { interrupt.cancel() }
        let outcome = await StudyRunner(steps: plan.steps).run(stop: stop) { Self.note($0.line) }
        let report = StudyReport(context: context, outcome: outcome)
        do {
            try StudyOutput.write(report, to: output)
        } catch {
            Self.note("error: \(error)")
            throw ExitCode.failure
        }
        let index = URL(fileURLWithPath: output).appendingPathComponent("index.html").path
        print("Wrote \(index), \(output)/report.md and \(output)/data/")
        for failure in outcome.failed {
            Self.note("Step failed: \(failure.name): \(failure.reason)")
        }
        if !outcome.failed.isEmpty || outcome.wasStopped {
            throw ExitCode.failure
        }
    }

    private static let quiet = Logger(label: "scalelab.study", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A line on standard error.
    private static func note(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

extension StudyPart: ExpressibleByArgument {}
