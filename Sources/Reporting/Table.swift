/// A titled table of text cells with notes: what every ScaleLab report is made of.
///
/// Tables hold already formatted strings; `NumberFormatting` makes them. Render one with
/// `renderedAsText()` for the terminal or `renderedAsMarkdown()` for documents.
public struct Table: Sendable, Equatable, Codable {
    /// How a column's cells line up in text output.
    public enum Alignment: String, Sendable, Codable {
        case left, right
    }

    /// One column: its header and alignment.
    public struct Column: Sendable, Equatable, Codable {
        public let header: String
        public let alignment: Alignment

        public init(_ header: String, alignment: Alignment = .right) {
            self.header = header
            self.alignment = alignment
        }
    }

    public var title: String
    public var columns: [Column]
    public private(set) var rows: [[String]]
    /// Lines printed under the table: machine, parameters, runs, how to read it.
    public var notes: [String]

    public init(title: String, columns: [Column], rows: [[String]] = [], notes: [String] = []) {
        self.title = title
        self.columns = columns
        self.rows = []
        self.notes = notes
        for row in rows { append(row) }
    }

    /// Adds a row; it must have one cell per column.
    public mutating func append(_ row: [String]) {
        precondition(row.count == columns.count, "row has \(row.count) cells, table has \(columns.count) columns")
        rows.append(row)
    }
}
