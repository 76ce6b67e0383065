import Testing

@testable import Reporting

struct LineChartTests {
    private func chart(_ series: [LineChart.Series], includesZero: Bool = true) -> LineChart {
        LineChart(title: "Requests per second", xAxisLabel: "time (s)", yAxisLabel: "requests/s", series: series, yAxisIncludesZero: includesZero)
    }

    private let twoSeries = [
        LineChart.Series(name: "GET /albums", points: (0..<10).map { .init(x: Double($0), y: Double(100 + $0 * 10)) }),
        LineChart.Series(name: "POST /albums", points: (0..<10).map { .init(x: Double($0), y: Double(20 + $0)) }),
    ]

    @Test func isWellFormedSVGWithTitleAndAxisLabels() {
        let svg = chart(twoSeries).renderedAsSVG()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(Markup.isWellFormedXML(svg))
        #expect(svg.contains(">Requests per second</text>"))
        #expect(svg.contains("<title>Requests per second</title>"))
        #expect(svg.contains(">time (s)</text>"))
        #expect(svg.contains(">requests/s</text>"))
        #expect(!Markup.containsNonFiniteNumber(svg))
    }

    @Test func drawsEachSeriesWithALegendEntry() {
        let svg = chart(twoSeries).renderedAsSVG()
        #expect(Markup.occurrences(of: #"<g class="series""#, in: svg) == 2)
        #expect(Markup.occurrences(of: "<polyline", in: svg) == 2)
        #expect(svg.contains(#"aria-label="GET /albums""#))
        #expect(svg.contains(">POST /albums</text>"))
        #expect(svg.contains(ChartPalette.color(at: 0)) && svg.contains(ChartPalette.color(at: 1)))
    }

    @Test func yAxisStartsAtZeroUnlessAskedNotTo() {
        let series = [LineChart.Series(name: "p50", points: [.init(x: 0, y: 1_003), .init(x: 1, y: 1_047)])]
        let yLabel = #"text-anchor="end" fill-opacity="0.8">"#
        #expect(chart(series).renderedAsSVG().contains(yLabel + "0</text>"))
        let zoomed = chart(series, includesZero: false).renderedAsSVG()
        #expect(!zoomed.contains(yLabel + "0</text>"))
        #expect(zoomed.contains(yLabel + "1000</text>"))
        #expect(zoomed.contains(yLabel + "1050</text>"))
    }

    @Test func escapesNamesAndTitles() {
        let hostile = #"<script>alert("x")</script> & 'more'"#
        let svg = LineChart(title: hostile, xAxisLabel: hostile, yAxisLabel: hostile, series: [.init(name: hostile, points: [.init(x: 0, y: 1)])])
            .renderedAsSVG()
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;more&#39;"))
        #expect(Markup.isWellFormedXML(svg))
    }

    @Test func emptyChartSaysNoData() {
        for series in [[], [LineChart.Series(name: "nothing", points: [])]] {
            let svg = chart(series).renderedAsSVG()
            #expect(svg.contains(">No data</text>"))
            #expect(Markup.isWellFormedXML(svg))
            #expect(!Markup.containsNonFiniteNumber(svg))
        }
    }

    @Test func onePointIsADot() {
        let svg = chart([.init(name: "single", points: [.init(x: 5, y: 42)])]).renderedAsSVG()
        #expect(!svg.contains("<polyline"))
        #expect(Markup.occurrences(of: "<circle", in: svg) == 1)
        #expect(svg.contains("<title>single: 42 at 5</title>"))
        #expect(!Markup.containsNonFiniteNumber(svg))
    }

    @Test func constantSeriesHasAFlatLineAndNoNaN() {
        let flat = [LineChart.Series(name: "flat", points: (0..<5).map { .init(x: 7, y: Double($0) * 0 + 3) })]
        for includesZero in [true, false] {
            let svg = chart(flat, includesZero: includesZero).renderedAsSVG()
            #expect(svg.contains("<polyline"))
            #expect(!Markup.containsNonFiniteNumber(svg))
            #expect(Markup.isWellFormedXML(svg))
        }
    }

    @Test func nonFiniteValuesLeaveGaps() {
        let points: [LineChart.Point] = [
            .init(x: 0, y: 1), .init(x: 1, y: 2), .init(x: 2, y: .nan), .init(x: 3, y: 4), .init(x: 4, y: 5),
            .init(x: .infinity, y: 9), .init(x: 5, y: .infinity), .init(x: 6, y: 3),
        ]
        let svg = chart([.init(name: "gappy", points: points)]).renderedAsSVG()
        #expect(Markup.occurrences(of: "<polyline", in: svg) == 2)
        #expect(Markup.occurrences(of: "<circle", in: svg) == 5)
        #expect(!Markup.containsNonFiniteNumber(svg))
    }

    @Test func pointsAreDrawnInXOrder() {
        let svg = chart([.init(name: "shuffled", points: [.init(x: 2, y: 1), .init(x: 0, y: 1), .init(x: 1, y: 1)])]).renderedAsSVG()
        let polyline = svg.split(separator: "\n").first { $0.hasPrefix("<polyline") } ?? ""
        let xs = polyline.split(separator: "\"")[1].split(separator: " ").compactMap { Double($0.split(separator: ",")[0]) }
        #expect(xs.count == 3)
        #expect(xs == xs.sorted())
    }

    @Test func longSeriesHaveNoDots() {
        let long = [LineChart.Series(name: "long", points: (0..<500).map { .init(x: Double($0), y: Double($0 % 17)) })]
        let svg = chart(long).renderedAsSVG()
        #expect(!svg.contains("<circle"))
        #expect(Markup.occurrences(of: "<polyline", in: svg) == 1)
    }

    @Test func legendWrapsOnNarrowCharts() {
        let many = (0..<12).map { LineChart.Series(name: "series number \($0)", points: [.init(x: 0, y: Double($0)), .init(x: 1, y: 1)]) }
        let narrow = LineChart(title: "t", xAxisLabel: "x", yAxisLabel: "y", series: many, width: 300, height: 200).renderedAsSVG()
        #expect(Markup.isWellFormedXML(narrow))
        #expect(Markup.occurrences(of: #"<g class="series""#, in: narrow) == 12)
        let height = narrow.split(separator: "\"")[5]
        #expect(Double(height).map { $0 > 200 } == true)
    }
}
