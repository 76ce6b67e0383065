import Foundation
import Primitives
import Synchronization
import Testing

struct BufferedFileWriterTests {
    private func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("scalelab-writer-\(name)-\(UUID().uuidString).txt").path
    }

    private func contents(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }

    @Test func keepsWritesInTheBufferUntilItIsFull() throws {
        let path = temporaryPath("buffer")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var writer = try BufferedFileWriter(path: path, capacity: 16)
        try writer.write("0123456789\n")
        #expect(writer.writeCallCount == 0)
        #expect(writer.bufferedByteCount == 11)
        #expect(contents(path).isEmpty)
        try writer.write("abcdefghij\n")
        #expect(writer.writeCallCount == 1)
        #expect(contents(path) == "0123456789\n")
        try writer.flush()
        #expect(writer.writeCallCount == 2)
        #expect(writer.bytesWritten == 22)
        #expect(contents(path) == "0123456789\nabcdefghij\n")
        try writer.close()
    }

    @Test func capacityZeroWritesEveryCallStraightThrough() throws {
        let path = temporaryPath("unbuffered")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var writer = try BufferedFileWriter(path: path, capacity: 0)
        for line in 0..<100 { try writer.write("line \(line)\n") }
        #expect(writer.writeCallCount == 100)
        #expect(contents(path).split(separator: "\n").count == 100)
        try writer.close()
        #expect(writer.writeCallCount == 100)
    }

    @Test func writesTextLargerThanTheBufferDirectly() throws {
        let path = temporaryPath("large")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var writer = try BufferedFileWriter(path: path, capacity: 8)
        try writer.write("ab")
        let large = String(repeating: "x", count: 100)
        try writer.write(large)
        #expect(writer.bufferedByteCount == 0)
        #expect(contents(path) == "ab" + large)
        try writer.close()
    }

    @Test func closeFlushesAndLaterWritesThrow() throws {
        let path = temporaryPath("close")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var writer = try BufferedFileWriter(path: path)
        try writer.write("kept\n")
        try writer.close()
        #expect(contents(path) == "kept\n")
        let isClosed = writer.isClosed
        #expect(isClosed)
        #expect(throws: FileWriterError.self) { try writer.write("lost\n") }
        try writer.close()
    }

    @Test func synchronizeFlushesToTheFile() throws {
        let path = temporaryPath("sync")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var writer = try BufferedFileWriter(path: path)
        try writer.write("durable\n")
        try writer.synchronize()
        #expect(contents(path) == "durable\n")
        try writer.close()
    }

    @Test func appendingKeepsTheFilesContents() throws {
        let path = temporaryPath("append")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var first = try BufferedFileWriter(path: path)
        try first.write("one\n")
        try first.close()
        var second = try BufferedFileWriter(path: path, appending: true)
        try second.write("two\n")
        try second.close()
        #expect(contents(path) == "one\ntwo\n")
    }

    @Test func openingInAMissingFolderSaysWhatToDo() {
        let path = "/nonexistent-scalelab-folder/file.txt"
        #expect {
            _ = try BufferedFileWriter(path: path)
        } throws: { error in
            let description = (error as? FileWriterError)?.description ?? ""
            return description.contains(path) && description.contains("Check that the folder exists")
        }
    }

    @Test func manyTasksSharingOneWriterThroughAMutexKeepEveryLineWhole() async throws {
        let path = temporaryPath("concurrent")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let shared = SharedWriter(try BufferedFileWriter(path: path, capacity: 256))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for line in 0..<500 {
                        try shared.mutex.withLock { writer in try writer.write("task \(task) line \(line)\n") }
                    }
                }
            }
            try await group.waitForAll()
        }
        try shared.mutex.withLock { writer in try writer.close() }
        let lines = contents(path).split(separator: "\n")
        #expect(lines.count == 4_000)
        let expected = Set((0..<8).flatMap { task in (0..<500).map { "task \(task) line \($0)" } })
        #expect(Set(lines.map(String.init)) == expected)
    }
}

/// One writer shared by many tasks, behind a lock.
private final class SharedWriter: Sendable {
    let mutex: Mutex<BufferedFileWriter>

    init(_ writer: consuming sending BufferedFileWriter) {
        mutex = Mutex(writer)
    }
}
