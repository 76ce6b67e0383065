/// One measured run of a file-writes variant.
public struct FileWritesRun: Codable, Sendable, Equatable {
    /// Time to write every line and flush, in seconds (opening and closing the file excluded).
    public let seconds: Double
    /// `write(2)` calls made; nil where they could not be counted.
    public let writeCalls: Int?
    /// The file's size once closed.
    public let bytesOnDisk: Int

    public init(seconds: Double, writeCalls: Int?, bytesOnDisk: Int) {
        self.seconds = seconds
        self.writeCalls = writeCalls
        self.bytesOnDisk = bytesOnDisk
    }
}
