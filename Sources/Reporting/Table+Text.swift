extension Table {
    /// The table as aligned plain text for a terminal, title first and notes last.
    public func renderedAsText() -> String {
        let widths = columnWidths()
        var lines: [String] = [title, ""]
        let header = zip(columns, widths).map { column, width in
            pad(column.header, to: width, alignment: column.alignment)
        }
        lines.append(header.joined(separator: "  "))
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        for row in rows {
            let cells = zip(zip(columns, widths), row).map { pair, cell in
                pad(cell, to: pair.1, alignment: pair.0.alignment)
            }
            lines.append(cells.joined(separator: "  "))
        }
        if !notes.isEmpty {
            lines.append("")
            lines.append(contentsOf: notes)
        }
        return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n") + "\n"
    }

    private func columnWidths() -> [Int] {
        columns.indices.map { index in
            rows.reduce(columns[index].header.count) { Swift.max($0, $1[index].count) }
        }
    }

    private func pad(_ text: String, to width: Int, alignment: Alignment) -> String {
        let padding = String(repeating: " ", count: Swift.max(0, width - text.count))
        return alignment == .left ? text + padding : padding + text
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
