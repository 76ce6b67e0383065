import ArgumentParser
import Experiments
import Foundation
import Primitives

/// `scalelab experiment file-writes`: buffered and unbuffered writes of many short lines.
struct FileWritesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "file-writes",
        abstract: "Buffered and unbuffered I/O: time and write(2) calls per variant, and what a crash before the flush loses.",
        discussion: """
            Each variant writes --lines short lines ("line 0", "line 1", ...) to a file in \
            --directory and removes it afterwards. Then, unless --no-crash-demo, a child process \
            writes the lines through a buffered and an unbuffered writer and is killed before \
            flushing, and the report counts the lines a reader finds on disk.

            Exit codes: 0 success; 1 the experiment could not run (e.g. the folder is not \
            writable); 64 bad command-line usage.
            """
    )

    @OptionGroup var options: ExperimentOptions

    @Option(help: "Lines written per run.")
    var lines: Int = 100_000

    @Option(
        name: .customLong("variant"), help: VariantSelection.help { (variant: FileWritesVariant) in variant.summary },
        transform: VariantSelection.parser(experiment: "file-writes"))
    var variantNames: [[FileWritesVariant]] = []

    @Option(help: "Lines between two fsync calls in the fsync-every-n variant.")
    var fsyncEvery: Int = 1_000

    @Option(help: "Buffer size of the buffered writers, in bytes.")
    var bufferSize: Int = BufferedFileWriter.defaultCapacity

    @Option(help: "Folder to write the files in (default: the temporary folder). Use a folder on the disk you want to measure.")
    var directory: String = FileManager.default.temporaryDirectory.path

    @Flag(inversion: .prefixedNo, help: "Show what a crash before the flush loses (runs two child processes).")
    var crashDemo: Bool = true

    func validate() throws {
        guard lines >= 1 else { throw ValidationError("--lines must be at least 1 (got \(lines)); try --lines 100000.") }
        guard fsyncEvery >= 1 else {
            throw ValidationError("--fsync-every must be at least 1 (got \(fsyncEvery)); try --fsync-every 1000.")
        }
        guard bufferSize >= 1 else {
            throw ValidationError("--buffer-size must be at least 1 byte (got \(bufferSize)); try --buffer-size 65536.")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("--directory \(directory) is not an existing folder; create it or choose another.")
        }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw ValidationError("--directory \(directory) is not writable; choose a folder you can write to.")
        }
    }

    func run() async throws {
        let experiment = FileWritesExperiment(
            lines: lines, runs: options.runs,
            variants: VariantSelection.chosen(variantNames),
            directory: directory, bufferCapacity: bufferSize, fsyncInterval: fsyncEvery,
            demonstratesCrash: crashDemo, progress: ExperimentProgress.standardError
        )
        try options.write([try await experiment.run()])
    }
}
