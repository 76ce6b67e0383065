import Foundation

/// Where experiments report progress: one line per step on standard error, so that standard
/// output carries only the report.
enum ExperimentProgress {
    static let standardError: @Sendable (String) -> Void = { message in
        FileHandle.standardError.write(Data("… \(message)\n".utf8))
    }
}
