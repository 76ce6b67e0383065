import Foundation

/// Comma-separated values as RFC 4180 defines them: a header row, then records; lines end in
/// CRLF; a field holding a comma, double quote, CR or LF is quoted, its quotes doubled.
///
/// Spreadsheets, pandas and Locust-style tooling read the result as is. Cells are text: format
/// numbers before adding them (plain digits, no units, so tools can parse them).
public struct CSVDocument: Sendable, Equatable {
    public let header: [String]
    public private(set) var rows: [[String]]

    /// A document with `header` and, optionally, the first `rows` (each with one field per column).
    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = []
        for row in rows { append(row) }
    }

    /// Adds a record; it must have one field per header column.
    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "CSV row has \(row.count) fields, header has \(header.count)")
        rows.append(row)
    }

    /// The document as text, every line (the last one included) ending in CRLF.
    public func rendered() -> String {
        ([header] + rows).map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined()
    }

    private static func field(_ value: String) -> String {
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        return needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }
}
