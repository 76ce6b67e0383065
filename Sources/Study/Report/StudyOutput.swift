import Foundation

/// Writes a report to its folder: index.html, report.md and data/.
package enum StudyOutput {
    /// The files written, relative to the folder.
    @discardableResult
    package static func write(_ report: StudyReport, to directory: String) throws -> [String] {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        let data = folder.appendingPathComponent("data", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        } catch {
            throw StudyError.cannotWrite(path: data.path, reason: error.localizedDescription)
        }
        var files = [("index.html", report.html), ("report.md", report.markdown)]
        files += try report.dataFiles().map { ("data/" + $0.name, $0.contents) }
        for (name, contents) in files {
            let url = folder.appendingPathComponent(name)
            do {
                try contents.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                throw StudyError.cannotWrite(path: url.path, reason: error.localizedDescription)
            }
        }
        return files.map(\.0)
    }
}
