import Testing

@testable import Reporting

struct BarChartTests {
    private let variants = [
        BarChart.Bar(label: "mutex", value: 1_200_000, range: 1_100_000...1_300_000),
        BarChart.Bar(label: "sharded", value: 4_500_000, range: 4_000_000...4_800_000, valueLabel: "4.5M ops/s"),
        BarChart.Bar(label: "snapshot", value: 900_000),
    ]

    private func chart(_ bars: [BarChart.Bar], showsValueLabels: Bool = true) -> BarChart {
        BarChart(title: "Shared map throughput", valueAxisLabel: "operations/s (median of 5 runs)", bars: bars, showsValueLabels: showsValueLabels)
    }

    @Test func isWellFormedSVGWithOneBarPerEntry() {
        let svg = chart(variants).renderedAsSVG()
        #expect(Markup.isWellFormedXML(svg))
        #expect(Markup.occurrences(of: #"<g class="bar""#, in: svg) == 3)
        #expect(Markup.occurrences(of: "<rect", in: svg) == 3)
        for label in ["mutex", "sharded", "snapshot"] { #expect(svg.contains(">\(label)</text>")) }
        #expect(svg.contains(">Shared map throughput</text>"))
        #expect(svg.contains(">operations/s (median of 5 runs)</text>"))
        #expect(!Markup.containsNonFiniteNumber(svg))
    }

    @Test func showsValueLabelsWhenAsked() {
        let labelled = chart(variants).renderedAsSVG()
        #expect(labelled.contains(">1,200,000</text>"))
        #expect(labelled.contains(">4.5M ops/s</text>"))
        let bare = chart(variants, showsValueLabels: false).renderedAsSVG()
        #expect(!bare.contains(">4.5M ops/s</text>"))
        #expect(bare.contains("<title>sharded: 4.5M ops/s</title>"))
    }

    @Test func longerValuesGetLongerBars() throws {
        let svg = chart(variants).renderedAsSVG()
        let widths = svg.split(separator: "\n").filter { $0.hasPrefix("<rect") }.compactMap { line -> Double? in
            guard let range = line.range(of: #"width=""#) else { return nil }
            return Double(line[range.upperBound...].prefix { $0 != "\"" })
        }
        #expect(widths.count == 3)
        #expect(widths[1] > widths[0] && widths[0] > widths[2])
    }

    @Test func rangesDrawWhiskers() {
        let withRanges = chart(variants).renderedAsSVG()
        let without = chart(variants.map { BarChart.Bar(label: $0.label, value: $0.value) }).renderedAsSVG()
        // Each whisker is a horizontal line with two end caps.
        #expect(Markup.occurrences(of: "<line", in: withRanges) - Markup.occurrences(of: "<line", in: without) == 6)
    }

    @Test func escapesLabels() {
        let svg = chart([.init(label: "a<b & \"c\"", value: 1, valueLabel: "<1 ms>")]).renderedAsSVG()
        #expect(svg.contains(">a&lt;b &amp; &quot;c&quot;</text>"))
        #expect(svg.contains(">&lt;1 ms&gt;</text>"))
        #expect(Markup.isWellFormedXML(svg))
    }

    @Test func longLabelsAreShortenedButKeptInTheTooltip() {
        let name = String(repeating: "very-long-variant-name-", count: 4)
        let svg = chart([.init(label: name, value: 3)]).renderedAsSVG()
        #expect(svg.contains("…</text>"))
        #expect(svg.contains("<title>\(name): 3</title>"))
    }

    @Test func negativeAndNonFiniteValuesAreDrawnSafely() {
        let svg = chart([.init(label: "loss", value: -20), .init(label: "gain", value: 50), .init(label: "broken", value: .nan)])
            .renderedAsSVG()
        #expect(Markup.occurrences(of: "<rect", in: svg) == 2)
        #expect(svg.contains(">n/a</text>"))
        #expect(!Markup.containsNonFiniteNumber(svg))
        #expect(Markup.isWellFormedXML(svg))
    }

    @Test func emptyChartSaysNoData() {
        let svg = chart([]).renderedAsSVG()
        #expect(svg.contains(">No data</text>"))
        #expect(Markup.isWellFormedXML(svg))
    }

    @Test func heightGrowsWithTheNumberOfBars() {
        func height(_ svg: String) -> Double { Double(svg.split(separator: "\"")[5]) ?? 0 }
        let few = chart(Array(variants.prefix(1))).renderedAsSVG()
        let many = chart((0..<20).map { .init(label: "v\($0)", value: Double($0)) }).renderedAsSVG()
        #expect(height(many) > height(few))
    }
}
