/// How the file-writes experiment writes its lines.
public enum FileWritesVariant: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable {
    /// One `write(2)` call per line.
    case unbuffered
    /// `BufferedFileWriter` (64 KiB by default), flushed once at the end.
    case buffered
    /// Foundation's `FileHandle.write(contentsOf:)`, once per line.
    case filehandle
    /// `BufferedFileWriter`, flushed and `fsync`ed every N lines: the cost of durability.
    case fsyncEveryN = "fsync-every-n"

    /// One line for `--help`.
    public var summary: String {
        switch self {
        case .unbuffered: "one write(2) per line"
        case .buffered: "a 64 KiB buffer of our own, flushed at the end"
        case .filehandle: "Foundation's FileHandle, one write per line"
        case .fsyncEveryN: "buffered, flushed and fsync'ed every --fsync-every lines"
        }
    }
}
