/// Why the file-writes experiment could not run.
public enum FileWritesError: Error, CustomStringConvertible {
    /// The crash demonstration's child exited instead of being killed.
    case childFailed(String)

    public var description: String {
        switch self {
        case .childFailed(let message):
            "The crash demonstration's child process failed: \(message). Check that --directory is writable."
        }
    }
}
