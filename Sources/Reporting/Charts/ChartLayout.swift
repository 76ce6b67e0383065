/// The frame shared by ScaleLab's charts: title on top, a wrapping legend under it, the plot,
/// tick labels and axis labels around it, all measured in SVG pixels.
struct ChartLayout {
    /// The rectangle data is drawn in.
    struct PlotArea {
        let left: Double
        let right: Double
        let top: Double
        let bottom: Double
    }

    static let padding = 12.0
    /// Room under the plot for the tick labels and the x axis label.
    static let spaceBelowPlot = 40.0
    private static let legendRowHeight = 18.0
    private static let legendSwatchWidth = 14.0

    let width: Double
    let title: String
    private var legendItems: [(name: String, x: Double, y: Double)] = []
    /// Where the content under the title (and legend, once placed) starts.
    private(set) var contentTop = 40.0

    init(width: Double, title: String) {
        self.width = width
        self.title = title
    }

    /// Lays the legend entries out left to right under the title, wrapping at the right edge.
    mutating func placeLegend(names: [String]) {
        guard !names.isEmpty else { return }
        var x = Self.padding
        var y = contentTop + 4
        for name in names {
            let itemWidth = Self.legendSwatchWidth + 6 + SVGCanvas.estimatedWidth(of: name) + 18
            if x > Self.padding && x + itemWidth > width - Self.padding {
                x = Self.padding
                y += Self.legendRowHeight
            }
            legendItems.append((name, x, y))
            x += itemWidth
        }
        contentTop = y + Self.legendRowHeight
    }

    /// The plot rectangle: below the title and legend, right of the value labels (and of a
    /// rotated y axis label when there is one), leaving `rightOverhang` for labels past its edge.
    func plotArea(bottom: Double, leftLabelWidth: Double, hasYAxisLabel: Bool, rightOverhang: Double) -> PlotArea {
        let left = Self.padding + (hasYAxisLabel ? 20 : 0) + leftLabelWidth + 8
        let right = Swift.max(left + 40, width - Self.padding - Swift.max(rightOverhang, 4))
        let top = contentTop + 8
        return PlotArea(left: left, right: right, top: top, bottom: Swift.max(bottom, top + 40))
    }

    /// The image height that fits `plot` and the labels under it.
    func totalHeight(fitting plot: PlotArea) -> Double {
        plot.bottom + Self.spaceBelowPlot + Self.padding
    }

    func drawTitleAndLegend(on canvas: inout SVGCanvas) {
        canvas.text(title, x: Self.padding, y: 26, size: 15, isBold: true)
        guard !legendItems.isEmpty else { return }
        canvas.beginGroup(class: "legend")
        for (index, item) in legendItems.enumerated() {
            let middle = item.y + Self.legendRowHeight / 2
            canvas.line(
                x1: item.x, y1: middle, x2: item.x + Self.legendSwatchWidth, y2: middle,
                color: ChartPalette.color(at: index), width: 3
            )
            canvas.text(item.name, x: item.x + Self.legendSwatchWidth + 6, y: middle + 4)
        }
        canvas.endGroup()
    }

    /// The x axis label centred under the tick labels; the y axis label, if any, rotated along the left edge.
    func drawAxisLabels(x: String, y: String?, plot: PlotArea, on canvas: inout SVGCanvas) {
        canvas.text(x, x: (plot.left + plot.right) / 2, y: plot.bottom + 34, anchor: .middle, isBold: true)
        if let y {
            canvas.text(y, x: Self.padding + 12, y: (plot.top + plot.bottom) / 2, anchor: .middle, isBold: true, rotation: -90)
        }
    }

    /// A centred note in an empty plot.
    func drawNoDataMessage(in plot: PlotArea, on canvas: inout SVGCanvas) {
        canvas.text("No data", x: (plot.left + plot.right) / 2, y: (plot.top + plot.bottom) / 2, anchor: .middle, opacity: 0.6)
    }
}
