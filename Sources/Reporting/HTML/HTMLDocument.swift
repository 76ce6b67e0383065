/// One self-contained HTML page — inline stylesheet and inline SVG charts, no scripts, no
/// network — built from headings, paragraphs, lists, preformatted text, tables and charts.
///
/// The page follows the reader's light or dark preference and escapes every text it is given.
///
///     var page = HTMLDocument(title: "Load test: albums")
///     page.append(.paragraph("50 users for 60 s against http://localhost:8080"))
///     page.append(.lineChart(requestsPerSecond))
///     page.append(.table(latencies))
///     let html = page.rendered()
public struct HTMLDocument: Sendable, Equatable {
    /// A piece of the page, in reading order.
    public enum Block: Sendable, Equatable {
        /// A section heading; `level` 2 to 6 (level 1 is the page title), clamped to that range.
        case heading(String, level: Int = 2)
        case paragraph(String)
        /// A bulleted list.
        case list([String])
        /// Monospaced text kept as written, e.g. the command that produced the report.
        case preformatted(String)
        case table(Table)
        case lineChart(LineChart)
        case barChart(BarChart)
    }

    /// The page title, shown as the top heading and in the browser tab.
    public var title: String
    public var blocks: [Block]

    public init(title: String, blocks: [Block] = []) {
        self.title = title
        self.blocks = blocks
    }

    /// Adds `block` at the end of the page.
    public mutating func append(_ block: Block) {
        blocks.append(block)
    }

    /// The complete page, starting with `<!DOCTYPE html>`.
    public func rendered() -> String {
        var lines = [
            "<!DOCTYPE html>",
            #"<html lang="en">"#,
            "<head>",
            #"<meta charset="utf-8" />"#,
            #"<meta name="viewport" content="width=device-width, initial-scale=1" />"#,
            #"<meta name="color-scheme" content="light dark" />"#,
            "<title>\(title.escapedForMarkup)</title>",
            "<style>",
            Self.styleSheet,
            "</style>",
            "</head>",
            "<body>",
            "<main>",
            "<h1>\(title.escapedForMarkup)</h1>",
        ]
        lines.append(contentsOf: blocks.map(Self.html))
        lines.append(contentsOf: ["</main>", "</body>", "</html>"])
        return lines.joined(separator: "\n") + "\n"
    }

    private static func html(for block: Block) -> String {
        switch block {
        case .heading(let text, let level):
            let level = Swift.min(Swift.max(level, 2), 6)
            return "<h\(level)>\(text.escapedForMarkup)</h\(level)>"
        case .paragraph(let text):
            return "<p>\(text.escapedForMarkup)</p>"
        case .list(let items):
            return "<ul>" + items.map { "<li>\($0.escapedForMarkup)</li>" }.joined() + "</ul>"
        case .preformatted(let text):
            return "<pre>\(text.escapedForMarkup)</pre>"
        case .table(let table):
            return table.renderedAsHTML()
        case .lineChart(let chart):
            return #"<figure class="chart">"# + "\n" + chart.renderedAsSVG() + "</figure>"
        case .barChart(let chart):
            return #"<figure class="chart">"# + "\n" + chart.renderedAsSVG() + "</figure>"
        }
    }

    /// Readable type and tables in the reader's light or dark scheme; charts draw their text and
    /// axes in `currentColor`, so they follow it.
    private static let styleSheet = """
        :root {
          color-scheme: light dark;
          --text: #1d2025; --background: #ffffff; --muted: #5c6370; --rule: #d8dce2; --stripe: #f4f6f9;
        }
        @media (prefers-color-scheme: dark) {
          :root { --text: #e4e7eb; --background: #15171b; --muted: #a2a9b5; --rule: #353b44; --stripe: #1d2026; }
        }
        * { box-sizing: border-box; }
        body {
          margin: 0; background: var(--background); color: var(--text);
          font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif;
          -webkit-text-size-adjust: 100%;
        }
        main { max-width: 80rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
        h1 { font-size: 1.85rem; line-height: 1.2; margin: 0 0 1rem; }
        h2 { font-size: 1.4rem; line-height: 1.25; margin: 2.25rem 0 0.75rem; padding-bottom: 0.3rem; border-bottom: 1px solid var(--rule); }
        h3, h4, h5, h6 { font-size: 1.1rem; margin: 1.75rem 0 0.5rem; }
        p, ul { margin: 0.6rem 0; }
        ul { padding-left: 1.4rem; }
        pre {
          background: var(--stripe); border: 1px solid var(--rule); border-radius: 6px; padding: 0.75rem 1rem;
          overflow-x: auto; font: 0.875rem/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
        }
        figure { margin: 1.5rem 0; }
        .table-scroll { overflow-x: auto; }
        table { border-collapse: collapse; font-size: 0.95rem; font-variant-numeric: tabular-nums; }
        caption { text-align: left; font-weight: 600; padding-bottom: 0.5rem; }
        th, td { padding: 0.4rem 0.8rem; border-bottom: 1px solid var(--rule); text-align: left; white-space: nowrap; }
        th { border-bottom-width: 2px; font-weight: 600; }
        th.right, td.right { text-align: right; }
        tbody tr:nth-child(even) { background: var(--stripe); }
        figcaption, .notes { color: var(--muted); font-size: 0.875rem; }
        .notes { margin: 0.5rem 0 0; padding-left: 1.1rem; }
        figure.chart svg { display: block; max-width: 100%; height: auto; }
        """
}
