#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes to a file through a buffer of its own, calling `write(2)` only when the buffer is full,
/// on `flush()`, `synchronize()` and `close()`: the analogue of Go's `bufio.Writer`.
///
/// A capacity of 0 makes it unbuffered: every `write(_:)` is one `write(2)` call. It counts its
/// `write(2)` calls and the bytes the kernel took, so an experiment can report both.
///
/// Bytes are never lost by a flush: short writes and interrupted calls are retried, and when a
/// call fails the bytes not yet written stay buffered for the next flush. Bytes still buffered
/// when the process dies are lost, which is the risk buffering takes.
///
/// A writer owns its file descriptor, so it cannot be copied: it is flushed and closed once, by
/// `close()` or when it goes away. Being a value, a write costs no reference counting and no
/// run-time exclusivity check. Share one between tasks inside a `Mutex`.
public struct BufferedFileWriter: ~Copyable {
    /// The buffer size used when none is given: 64 KiB.
    public static let defaultCapacity = 65_536

    /// The file's path, as given.
    public let path: String
    /// The buffer size in bytes; 0 for unbuffered.
    public let capacity: Int
    /// How many `write(2)` calls were made so far (including retried short writes).
    public private(set) var writeCallCount = 0
    /// How many bytes the kernel has taken so far.
    public private(set) var bytesWritten = 0
    /// How many bytes wait in the buffer for the next flush.
    public var bufferedByteCount: Int { buffer.count }
    /// True once `close()` was called.
    public private(set) var isClosed = false

    private let descriptor: Int32
    private var buffer: [UInt8] = []

    /// Opens (creating or truncating) the file at `path` for writing.
    ///
    /// - Parameters:
    ///   - capacity: buffer size in bytes; 0 writes every call straight through.
    ///   - appending: keep the file's contents and write at its end instead of truncating it.
    public init(path: String, capacity: Int = defaultCapacity, appending: Bool = false) throws(FileWriterError) {
        precondition(capacity >= 0, "a buffer capacity cannot be negative")
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (appending ? O_APPEND : O_TRUNC)
        let descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else { throw FileWriterError(path: path, operation: "open", code: errno) }
        self.path = path
        self.capacity = capacity
        self.descriptor = descriptor
        buffer.reserveCapacity(capacity)
    }

    deinit {
        guard !isClosed else { return }
        buffer.withUnsafeBytes { bytes in
            var written = 0
            var calls = 0
            _ = Self.write(bytes, to: descriptor, progress: &written, calls: &calls)
        }
        systemClose(descriptor)
    }

    /// Writes the UTF-8 bytes of `text`, buffered unless the capacity is 0 or the text is larger
    /// than the buffer.
    public mutating func write(_ text: String) throws(FileWriterError) {
        var text = text
        try text.withUTF8 { bytes in
            Result { () throws(FileWriterError) in try write(bytes: UnsafeRawBufferPointer(bytes)) }
        }.get()
    }

    /// Writes `bytes`, buffered unless the capacity is 0 or they are larger than the buffer.
    public mutating func write(bytes: UnsafeRawBufferPointer) throws(FileWriterError) {
        try checkOpen()
        if buffer.count + bytes.count > capacity {
            try flush()
            if bytes.count > capacity {
                try writeFully(bytes)
                return
            }
        }
        buffer.append(contentsOf: bytes)
    }

    /// Writes everything buffered to the file; on failure the bytes not written stay buffered.
    public mutating func flush() throws(FileWriterError) {
        guard !buffer.isEmpty else { return }
        // The bytes move out while the writer counts the calls, and back in with their
        // capacity, minus what was written.
        var pending: [UInt8] = []
        swap(&pending, &buffer)
        var written = 0
        defer {
            pending.removeFirst(written)
            swap(&pending, &buffer)
        }
        try pending.withUnsafeBytes { bytes in
            Result { () throws(FileWriterError) in try writeFully(bytes, progress: &written) }
        }.get()
    }

    /// Flushes, then asks the kernel to put the file's data on the storage device (`fsync(2)`):
    /// the cost of durability.
    public mutating func synchronize() throws(FileWriterError) {
        try checkOpen()
        try flush()
        while fsync(descriptor) != 0 {
            guard errno == EINTR else { throw FileWriterError(path: path, operation: "fsync", code: errno) }
        }
    }

    /// Flushes and closes the file. Later writes throw; closing again does nothing.
    public mutating func close() throws(FileWriterError) {
        guard !isClosed else { return }
        try flush()
        isClosed = true
        guard systemClose(descriptor) == 0 else {
            throw FileWriterError(path: path, operation: "close", code: errno)
        }
    }

    private func checkOpen() throws(FileWriterError) {
        guard !isClosed else { throw FileWriterError(path: path, operation: "write", code: EBADF) }
    }

    private mutating func writeFully(_ bytes: UnsafeRawBufferPointer) throws(FileWriterError) {
        var written = 0
        try writeFully(bytes, progress: &written)
    }

    /// Calls `write(2)` until all of `bytes` are written, counting in `progress` what was.
    private mutating func writeFully(_ bytes: UnsafeRawBufferPointer, progress written: inout Int) throws(FileWriterError) {
        let before = written
        defer { bytesWritten += written - before }
        if let code = Self.write(bytes, to: descriptor, progress: &written, calls: &writeCallCount) {
            throw FileWriterError(path: path, operation: "write", code: code)
        }
    }

    /// Calls `write(2)` on `descriptor` until all of `bytes` are written or a call fails,
    /// retrying interrupted calls; returns the failure's `errno`, or nil.
    private static func write(
        _ bytes: UnsafeRawBufferPointer, to descriptor: Int32, progress written: inout Int, calls: inout Int
    ) -> Int32? {
        while written < bytes.count {
            let result = systemWrite(descriptor, bytes.baseAddress! + written, bytes.count - written)
            calls += 1
            if result < 0 {
                if errno == EINTR { continue }
                return errno
            }
            written += result
        }
        return nil
    }
}

/// Why a `BufferedFileWriter` could not open, write, synchronize or close its file.
public struct FileWriterError: Error, CustomStringConvertible, Equatable {
    /// The file's path.
    public let path: String
    /// The operation that failed: "open", "write", "fsync" or "close".
    public let operation: String
    /// The `errno` value.
    public let code: Int32

    public init(path: String, operation: String, code: Int32) {
        self.path = path
        self.operation = operation
        self.code = code
    }

    public var description: String {
        let reason = String(cString: strerror(code))
        let hint = switch code {
        case ENOENT: " Check that the folder exists."
        case EACCES, EPERM: " Check the permissions, or choose another folder."
        case ENOSPC: " Free some disk space or choose another folder."
        case EBADF: " The writer was already closed."
        default: ""
        }
        return "Cannot \(operation) \(path): \(reason) (errno \(code)).\(hint)"
    }
}

private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

@discardableResult
private func systemClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
