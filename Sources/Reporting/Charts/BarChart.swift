/// Labelled horizontal bars (ops/s per variant, median latency per store), rendered as a
/// self-contained SVG image with a value axis, optional value labels and optional min–max
/// whiskers, so a bar of medians can show the spread of the runs behind it.
public struct BarChart: Sendable, Equatable {
    /// One bar.
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Double
        /// The spread to draw as a whisker, e.g. the minimum and maximum of the runs.
        public var range: ClosedRange<Double>?
        /// The text shown after the bar; nil shows `value` (three significant digits, thousands grouped).
        public var valueLabel: String?

        public init(label: String, value: Double, range: ClosedRange<Double>? = nil, valueLabel: String? = nil) {
            self.label = label
            self.value = value
            self.range = range
            self.valueLabel = valueLabel
        }
    }

    public var title: String
    /// What the bars measure, with its unit, e.g. "operations/s (median of 5 runs)".
    public var valueAxisLabel: String
    /// Bars top to bottom.
    public var bars: [Bar]
    /// Whether each bar is followed by its value.
    public var showsValueLabels: Bool
    /// Image width in pixels; the height follows from the number of bars.
    public var width: Int

    public init(title: String, valueAxisLabel: String, bars: [Bar], showsValueLabels: Bool = true, width: Int = 720) {
        self.title = title
        self.valueAxisLabel = valueAxisLabel
        self.bars = bars
        self.showsValueLabels = showsValueLabels
        self.width = width
    }

    private static let rowHeight = 28.0
    private static let barThickness = 18.0
    /// Longer bar labels are cut with an ellipsis; the full label stays in the bar's tooltip.
    private static let maximumLabelCharacters = 32

    /// The chart as an `<svg>` element, usable inline in HTML or saved as a `.svg` file.
    public func renderedAsSVG() -> String {
        let drawable = bars.filter(\.value.isFinite)
        let extremes = drawable.flatMap { bar in [bar.value] + (bar.range.map { [$0.lowerBound, $0.upperBound] } ?? []) }
        let scale = AxisScale(covering: extremes, includingZero: true)
        let labels = bars.map(Self.shortened)
        let valueLabels = bars.map { valueText(for: $0) }

        let chartWidth = Double(Swift.max(width, 240))
        let layout = ChartLayout(width: chartWidth, title: title)
        let widestValueLabel = showsValueLabels ? valueLabels.map { SVGCanvas.estimatedWidth(of: $0) }.max() ?? 0 : 0
        let plot = layout.plotArea(
            bottom: layout.contentTop + 8 + Double(Swift.max(bars.count, 1)) * Self.rowHeight,
            leftLabelWidth: labels.map { SVGCanvas.estimatedWidth(of: $0) }.max() ?? 0,
            hasYAxisLabel: false,
            rightOverhang: Swift.max(widestValueLabel + 8, SVGCanvas.estimatedWidth(of: scale.tickLabels.last ?? "") / 2)
        )

        var canvas = SVGCanvas(width: chartWidth, height: layout.totalHeight(fitting: plot))
        layout.drawTitleAndLegend(on: &canvas)
        drawAxis(scale, plot: plot, layout: layout, on: &canvas)
        if drawable.isEmpty { layout.drawNoDataMessage(in: plot, on: &canvas) }
        let color = ChartPalette.color(at: 0)
        for (index, bar) in bars.enumerated() {
            let center = plot.top + (Double(index) + 0.5) * Self.rowHeight
            canvas.beginGroup(class: "bar", label: bar.label)
            canvas.text(labels[index], x: plot.left - 8, y: center + 4, anchor: .end)
            if bar.value.isFinite {
                let zero = scale.position(of: 0, from: plot.left, to: plot.right)
                let end = scale.position(of: bar.value, from: plot.left, to: plot.right)
                canvas.rectangle(
                    x: Swift.min(zero, end), y: center - Self.barThickness / 2, width: abs(end - zero),
                    height: Self.barThickness, color: color, tooltip: "\(bar.label): \(valueLabels[index])"
                )
                let whiskerEnd = bar.range.map { drawWhisker($0, at: center, scale: scale, plot: plot, on: &canvas) } ?? end
                if showsValueLabels {
                    canvas.text(valueLabels[index], x: Swift.max(end, zero, whiskerEnd) + 6, y: center + 4, opacity: 0.9)
                }
            } else if showsValueLabels {
                canvas.text("n/a", x: plot.left + 6, y: center + 4, opacity: 0.6)
            }
            canvas.endGroup()
        }
        let summary = bars.map { "\($0.label): \(valueText(for: $0))" }.joined(separator: "; ")
        return canvas.rendered(title: title, summary: "Bar chart of \(valueAxisLabel). \(summary).")
    }

    private func valueText(for bar: Bar) -> String {
        bar.valueLabel ?? NumberFormatting.chartValue(bar.value)
    }

    private static func shortened(_ bar: Bar) -> String {
        bar.label.count <= maximumLabelCharacters ? bar.label : bar.label.prefix(maximumLabelCharacters - 1) + "…"
    }

    private func drawAxis(_ scale: AxisScale, plot: ChartLayout.PlotArea, layout: ChartLayout, on canvas: inout SVGCanvas) {
        canvas.beginGroup(class: "axes")
        for (tick, label) in zip(scale.ticks, scale.tickLabels) {
            let x = scale.position(of: tick, from: plot.left, to: plot.right)
            canvas.line(x1: x, y1: plot.top, x2: x, y2: plot.bottom, opacity: tick == 0 ? 0.6 : 0.15)
            canvas.text(label, x: x, y: plot.bottom + 17, anchor: .middle, opacity: 0.8)
        }
        canvas.line(x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, opacity: 0.6)
        layout.drawAxisLabels(x: valueAxisLabel, y: nil, plot: plot, on: &canvas)
        canvas.endGroup()
    }

    /// Draws a min–max whisker across the bar; returns its right end.
    private func drawWhisker(
        _ range: ClosedRange<Double>, at center: Double, scale: AxisScale, plot: ChartLayout.PlotArea, on canvas: inout SVGCanvas
    ) -> Double {
        guard range.lowerBound.isFinite, range.upperBound.isFinite else { return plot.left }
        let low = scale.position(of: range.lowerBound, from: plot.left, to: plot.right)
        let high = scale.position(of: range.upperBound, from: plot.left, to: plot.right)
        let cap = Self.barThickness / 3
        canvas.line(x1: low, y1: center, x2: high, y2: center, opacity: 0.85, width: 1.5)
        canvas.line(x1: low, y1: center - cap, x2: low, y2: center + cap, opacity: 0.85, width: 1.5)
        canvas.line(x1: high, y1: center - cap, x2: high, y2: center + cap, opacity: 0.85, width: 1.5)
        return high
    }
}
