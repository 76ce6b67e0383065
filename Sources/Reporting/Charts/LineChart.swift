/// Several named series of (x, y) points over a numeric x axis (seconds, users, threads),
/// rendered as a self-contained SVG image with a title, legend, axis labels and round ticks.
///
/// Points with a non-finite coordinate leave a gap in their line; a series of one point shows
/// as a dot; empty charts say "No data". Rendering never produces NaN coordinates.
public struct LineChart: Sendable, Equatable {
    /// One line of the chart.
    public struct Series: Sendable, Equatable {
        public var name: String
        /// Points in any order; they are drawn sorted by x.
        public var points: [Point]

        public init(name: String, points: [Point]) {
            self.name = name
            self.points = points
        }
    }

    /// One data point.
    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double

        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    public var title: String
    /// What the x axis measures, with its unit, e.g. "time (s)".
    public var xAxisLabel: String
    /// What the y axis measures, with its unit, e.g. "requests/s".
    public var yAxisLabel: String
    public var series: [Series]
    /// Whether the y axis starts at 0 (the default, so changes are not exaggerated); set it to
    /// false to zoom in on values far from 0.
    public var yAxisIncludesZero: Bool
    /// Image size in pixels; the plot takes what the title, legend and axes leave.
    public var width: Int
    public var height: Int

    public init(
        title: String, xAxisLabel: String, yAxisLabel: String, series: [Series],
        yAxisIncludesZero: Bool = true, width: Int = 720, height: Int = 360
    ) {
        self.title = title
        self.xAxisLabel = xAxisLabel
        self.yAxisLabel = yAxisLabel
        self.series = series
        self.yAxisIncludesZero = yAxisIncludesZero
        self.width = width
        self.height = height
    }

    /// Series with at most this many points also get a dot (with a tooltip) at every point.
    private static let maximumPointsWithDots = 40

    /// The chart as an `<svg>` element, usable inline in HTML or saved as a `.svg` file.
    public func renderedAsSVG() -> String {
        let finitePoints = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
        let xScale = AxisScale(covering: finitePoints.map(\.x), includingZero: false)
        let yScale = AxisScale(covering: finitePoints.map(\.y), includingZero: yAxisIncludesZero)
        let xLabels = xScale.tickLabels
        let yLabels = yScale.tickLabels

        let chartWidth = Double(Swift.max(width, 240))
        var layout = ChartLayout(width: chartWidth, title: title)
        layout.placeLegend(names: series.map(\.name))
        let plot = layout.plotArea(
            bottom: Double(height) - ChartLayout.spaceBelowPlot - ChartLayout.padding,
            leftLabelWidth: yLabels.map { SVGCanvas.estimatedWidth(of: $0) }.max() ?? 0,
            hasYAxisLabel: true,
            rightOverhang: SVGCanvas.estimatedWidth(of: xLabels.last ?? "") / 2
        )

        var canvas = SVGCanvas(width: chartWidth, height: layout.totalHeight(fitting: plot))
        layout.drawTitleAndLegend(on: &canvas)
        drawAxes(x: xScale, y: yScale, plot: plot, layout: layout, on: &canvas)
        if finitePoints.isEmpty { layout.drawNoDataMessage(in: plot, on: &canvas) }
        for (index, line) in series.enumerated() {
            draw(line, color: ChartPalette.color(at: index), x: xScale, y: yScale, plot: plot, on: &canvas)
        }
        let names = series.map(\.name).joined(separator: ", ")
        return canvas.rendered(title: title, summary: "Line chart of \(yAxisLabel) over \(xAxisLabel); series: \(names).")
    }

    private func drawAxes(x: AxisScale, y: AxisScale, plot: ChartLayout.PlotArea, layout: ChartLayout, on canvas: inout SVGCanvas) {
        canvas.beginGroup(class: "axes")
        for (tick, label) in zip(y.ticks, y.tickLabels) {
            let position = y.position(of: tick, from: plot.bottom, to: plot.top)
            canvas.line(x1: plot.left, y1: position, x2: plot.right, y2: position, opacity: 0.15)
            canvas.text(label, x: plot.left - 6, y: position + 4, anchor: .end, opacity: 0.8)
        }
        for (tick, label) in zip(x.ticks, x.tickLabels) {
            let position = x.position(of: tick, from: plot.left, to: plot.right)
            canvas.line(x1: position, y1: plot.bottom, x2: position, y2: plot.bottom + 4, opacity: 0.6)
            canvas.text(label, x: position, y: plot.bottom + 17, anchor: .middle, opacity: 0.8)
        }
        canvas.line(x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, opacity: 0.6)
        canvas.line(x1: plot.left, y1: plot.top, x2: plot.left, y2: plot.bottom, opacity: 0.6)
        layout.drawAxisLabels(x: xAxisLabel, y: yAxisLabel, plot: plot, on: &canvas)
        canvas.endGroup()
    }

    private func draw(
        _ line: Series, color: String, x: AxisScale, y: AxisScale, plot: ChartLayout.PlotArea, on canvas: inout SVGCanvas
    ) {
        canvas.beginGroup(class: "series", label: line.name)
        // Points without a place on the x axis cannot be drawn; the sort is stable for equal x.
        let sorted = line.points.filter(\.x.isFinite).enumerated()
            .sorted { ($0.element.x, $0.offset) < ($1.element.x, $1.offset) }.map(\.element)
        let runs = sorted.split { !$0.y.isFinite }
        for run in runs where run.count > 1 {
            canvas.polyline(run.map { position(of: $0, x: x, y: y, in: plot) }, color: color)
        }
        // Dots on short series show each measurement; a lone point between gaps needs one to be seen.
        let drawable = runs.flatMap { $0 }
        let dots = drawable.count <= Self.maximumPointsWithDots ? drawable : runs.filter { $0.count == 1 }.flatMap { $0 }
        for dot in dots {
            let center = position(of: dot, x: x, y: y, in: plot)
            let tooltip = "\(line.name): \(NumberFormatting.chartValue(dot.y)) at \(NumberFormatting.chartValue(dot.x))"
            canvas.circle(x: center.x, y: center.y, radius: 3, color: color, tooltip: tooltip)
        }
        canvas.endGroup()
    }

    private func position(of point: Point, x: AxisScale, y: AxisScale, in plot: ChartLayout.PlotArea) -> (x: Double, y: Double) {
        (x.position(of: point.x, from: plot.left, to: plot.right), y.position(of: point.y, from: plot.bottom, to: plot.top))
    }
}
