import Reporting

/// One section of the report: a heading, its tables, charts and text, and its conclusions.
struct StudySection {
    let title: String
    var blocks: [HTMLDocument.Block] = []
    var conclusions: [Conclusion] = []

    /// The section as blocks of the HTML page: its heading, its content, then its conclusions.
    var pageBlocks: [HTMLDocument.Block] {
        var page: [HTMLDocument.Block] = [.heading(title, level: 2)]
        page.append(contentsOf: blocks)
        page.append(.heading("Conclusions: \(title.lowercased())", level: 3))
        page.append(conclusions.isEmpty
            ? .paragraph("The numbers here clearly favour neither side of any comparison this section makes, so it draws no conclusion.")
            : .list(conclusions.map(\.rendered)))
        return page
    }
}

extension HTMLDocument.Block {
    /// The block as Markdown; charts are only named (they are drawn in index.html).
    var markdown: String {
        switch self {
        case .heading(let text, let level):
            String(repeating: "#", count: min(max(level, 2), 6)) + " " + text + "\n"
        case .paragraph(let text):
            text + "\n"
        case .list(let items):
            items.map { "- " + $0 }.joined(separator: "\n") + "\n"
        case .preformatted(let text):
            "```\n" + text + "\n```\n"
        case .table(let table):
            table.renderedAsMarkdown(headingLevel: 4)
        case .lineChart(let chart):
            "Chart in index.html: \(chart.title).\n"
        case .barChart(let chart):
            "Chart in index.html: \(chart.title).\n"
        }
    }
}
