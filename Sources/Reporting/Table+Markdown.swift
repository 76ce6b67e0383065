extension Table {
    /// The table as GitHub-flavoured Markdown: a heading, a pipe table, and the notes as a list.
    public func renderedAsMarkdown(headingLevel: Int = 3) -> String {
        var lines: [String] = [String(repeating: "#", count: headingLevel) + " " + title, ""]
        lines.append("| " + columns.map { escape($0.header) }.joined(separator: " | ") + " |")
        lines.append("|" + columns.map { $0.alignment == .right ? " ---: |" : " --- |" }.joined())
        for row in rows {
            lines.append("| " + row.map(escape).joined(separator: " | ") + " |")
        }
        if !notes.isEmpty {
            lines.append("")
            lines.append(contentsOf: notes.map { "- " + $0 })
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func escape(_ cell: String) -> String {
        cell.replacingOccurrences(of: "|", with: "\\|")
    }
}
