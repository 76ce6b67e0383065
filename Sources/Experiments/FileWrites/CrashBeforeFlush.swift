/// What a reader found on disk after a child process wrote lines and was killed before flushing.
public struct CrashBeforeFlush: Codable, Sendable, Equatable {
    /// The writer's buffer size in bytes; 0 for unbuffered.
    public let bufferCapacity: Int
    /// Lines the child passed to the writer before it was killed.
    public let linesWritten: Int
    /// Complete lines a reader found in the file afterwards.
    public let linesOnDisk: Int
    /// Bytes of a cut-off last line, if any.
    public let partialLineBytes: Int
    /// How the child ended (SIGKILL when the demonstration worked).
    public let childTermination: ChildProcess.Termination

    /// Lines that were "written" but never reached the file.
    public var linesLost: Int { linesWritten - linesOnDisk }

    public init(
        bufferCapacity: Int, linesWritten: Int, linesOnDisk: Int, partialLineBytes: Int,
        childTermination: ChildProcess.Termination
    ) {
        self.bufferCapacity = bufferCapacity
        self.linesWritten = linesWritten
        self.linesOnDisk = linesOnDisk
        self.partialLineBytes = partialLineBytes
        self.childTermination = childTermination
    }
}
