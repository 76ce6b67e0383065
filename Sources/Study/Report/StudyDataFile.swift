import Foundation

/// One file of the report's `data/` folder: the JSON or CSV of a run.
package struct StudyDataFile: Sendable, Equatable {
    /// The file name inside `data/`, e.g. "maps.json".
    package let name: String
    package let contents: String

    package init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }

    /// `value` as pretty-printed JSON with sorted keys.
    static func json(_ name: String, _ value: some Encodable) throws -> StudyDataFile {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return StudyDataFile(name: name, contents: String(decoding: try encoder.encode(value), as: UTF8.self) + "\n")
    }
}
