extension Table {
    /// The table as an HTML `<figure>`: the title as caption, numbers right-aligned in tabular
    /// figures, the notes underneath; every cell escaped. Styled by `HTMLDocument`'s stylesheet.
    public func renderedAsHTML() -> String {
        func cellClass(_ column: Column) -> String {
            column.alignment == .right ? #" class="right""# : ""
        }
        var lines = [#"<figure class="table">"#, #"<div class="table-scroll">"#, "<table>"]
        lines.append("<caption>\(title.escapedForMarkup)</caption>")
        lines.append("<thead><tr>" + columns.map { "<th\(cellClass($0)) scope=\"col\">\($0.header.escapedForMarkup)</th>" }.joined() + "</tr></thead>")
        lines.append("<tbody>")
        for row in rows {
            lines.append("<tr>" + zip(columns, row).map { "<td\(cellClass($0))>\($1.escapedForMarkup)</td>" }.joined() + "</tr>")
        }
        lines.append("</tbody>")
        lines.append("</table>")
        lines.append("</div>")
        if !notes.isEmpty {
            lines.append("<figcaption><ul class=\"notes\">" + notes.map { "<li>\($0.escapedForMarkup)</li>" }.joined() + "</ul></figcaption>")
        }
        lines.append("</figure>")
        return lines.joined(separator: "\n") + "\n"
    }
}
