import Testing

@testable import Reporting

struct HTMLDocumentTests {
    private var report: HTMLDocument {
        var page = HTMLDocument(title: "Load test <albums> & more")
        page.append(.paragraph("50 users, \"spawn rate\" 10/s"))
        page.append(.heading("Throughput"))
        page.append(.lineChart(LineChart(
            title: "Requests per second", xAxisLabel: "time (s)", yAxisLabel: "requests/s",
            series: [.init(name: "total", points: [.init(x: 0, y: 10), .init(x: 1, y: 12)])]
        )))
        page.append(.barChart(BarChart(title: "Median latency", valueAxisLabel: "ms", bars: [.init(label: "GET", value: 3)])))
        page.append(.table(Table(
            title: "Latency", columns: [.init("endpoint", alignment: .left), .init("p50")],
            rows: [["GET /albums?id=<1>", "1.23 ms"]], notes: ["2 logical cores"]
        )))
        page.append(.list(["first", "second & last"]))
        page.append(.preformatted("scalelab load --users 50 <target>"))
        page.append(.heading("Tiny", level: 9))
        return page
    }

    @Test func isOneWellFormedOfflinePage() {
        let html = report.rendered()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(Markup.isWellFormedXML(html))
        #expect(Markup.occurrences(of: "<style>", in: html) == 1)
        for external in ["<script", "<link", "src=", "href=", "@import", "url("] {
            #expect(!html.contains(external), "\(external) would make the page depend on something outside it")
        }
    }

    @Test func escapesEveryText() {
        let html = report.rendered()
        #expect(html.contains("<title>Load test &lt;albums&gt; &amp; more</title>"))
        #expect(html.contains("<h1>Load test &lt;albums&gt; &amp; more</h1>"))
        #expect(html.contains("<p>50 users, &quot;spawn rate&quot; 10/s</p>"))
        #expect(html.contains("<td>GET /albums?id=&lt;1&gt;</td>"))
        #expect(html.contains("<li>second &amp; last</li>"))
        #expect(html.contains("<pre>scalelab load --users 50 &lt;target&gt;</pre>"))
    }

    @Test func embedsChartsAsInlineSVG() {
        let html = report.rendered()
        #expect(Markup.occurrences(of: #"<figure class="chart">"#, in: html) == 2)
        #expect(Markup.occurrences(of: "<svg ", in: html) == 2)
        #expect(html.contains(">Requests per second</text>"))
    }

    @Test func headingLevelsStayBetweenTwoAndSix() {
        let html = report.rendered()
        #expect(html.contains("<h2>Throughput</h2>"))
        #expect(html.contains("<h6>Tiny</h6>"))
        #expect(HTMLDocument(title: "t", blocks: [.heading("x", level: 1)]).rendered().contains("<h2>x</h2>"))
    }

    @Test func followsTheReadersColourScheme() {
        let html = report.rendered()
        #expect(html.contains("prefers-color-scheme: dark"))
        #expect(html.contains(#"<meta name="color-scheme" content="light dark" />"#))
    }

    @Test func tablesKeepAlignmentCaptionAndNotes() {
        let html = Table(
            title: "Latency", columns: [.init("endpoint", alignment: .left), .init("p50")],
            rows: [["GET", "1 ms"]], notes: ["5 runs"]
        ).renderedAsHTML()
        #expect(html.contains("<caption>Latency</caption>"))
        #expect(html.contains(#"<th scope="col">endpoint</th><th class="right" scope="col">p50</th>"#))
        #expect(html.contains(#"<tr><td>GET</td><td class="right">1 ms</td></tr>"#))
        #expect(html.contains(#"<li>5 runs</li>"#))
        #expect(Markup.isWellFormedXML(html))
    }
}
