import Foundation

/// Writes one SVG image as text: every element it emits is closed and every text and attribute
/// value escaped, so a chart is well-formed XML whatever its names contain.
///
/// Text and axes use `currentColor`, so an inline chart follows the page's light or dark text
/// colour; series use `ChartPalette`, legible on both.
struct SVGCanvas {
    enum TextAnchor: String {
        case start, middle, end
    }

    let width: Double
    let height: Double
    private var body: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// The finished `<svg>` element; `title` and `summary` are what screen readers announce.
    func rendered(title: String, summary: String) -> String {
        let header = [
            #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(Self.number(width))" height="\#(Self.number(height))" "#
                + #"viewBox="0 0 \#(Self.number(width)) \#(Self.number(height))" role="img" "#
                + #"font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="12" fill="currentColor">"#,
            "<title>\(title.escapedForMarkup)</title>",
            "<desc>\(summary.escapedForMarkup)</desc>",
        ]
        return (header + body + ["</svg>"]).joined(separator: "\n") + "\n"
    }

    mutating func text(
        _ content: String, x: Double, y: Double, anchor: TextAnchor = .start, size: Double = 12,
        isBold: Bool = false, rotation: Double? = nil, opacity: Double = 1
    ) {
        var attributes = [("x", Self.number(x)), ("y", Self.number(y))]
        if anchor != .start { attributes.append(("text-anchor", anchor.rawValue)) }
        if size != 12 { attributes.append(("font-size", Self.number(size))) }
        if isBold { attributes.append(("font-weight", "600")) }
        if opacity != 1 { attributes.append(("fill-opacity", Self.number(opacity))) }
        if let rotation {
            attributes.append(("transform", "rotate(\(Self.number(rotation)) \(Self.number(x)) \(Self.number(y)))"))
        }
        body.append("<text \(Self.attributeList(attributes))>\(content.escapedForMarkup)</text>")
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, color: String = "currentColor", opacity: Double = 1, width: Double = 1) {
        element("line", [
            ("x1", Self.number(x1)), ("y1", Self.number(y1)), ("x2", Self.number(x2)), ("y2", Self.number(y2)),
            ("stroke", color), ("stroke-opacity", Self.number(opacity)), ("stroke-width", Self.number(width)),
        ])
    }

    mutating func rectangle(x: Double, y: Double, width: Double, height: Double, color: String, tooltip: String? = nil) {
        element("rect", [
            ("x", Self.number(x)), ("y", Self.number(y)),
            ("width", Self.number(Swift.max(0, width))), ("height", Self.number(Swift.max(0, height))), ("fill", color),
        ], tooltip: tooltip)
    }

    mutating func polyline(_ points: [(x: Double, y: Double)], color: String, width: Double = 2) {
        let coordinates = points.map { "\(Self.number($0.x)),\(Self.number($0.y))" }.joined(separator: " ")
        element("polyline", [
            ("points", coordinates), ("fill", "none"), ("stroke", color), ("stroke-width", Self.number(width)),
            ("stroke-linejoin", "round"), ("stroke-linecap", "round"),
        ])
    }

    mutating func circle(x: Double, y: Double, radius: Double, color: String, tooltip: String? = nil) {
        element("circle", [("cx", Self.number(x)), ("cy", Self.number(y)), ("r", Self.number(radius)), ("fill", color)], tooltip: tooltip)
    }

    /// Opens a group with a class (for styling and for tests to find a series); close it with `endGroup()`.
    mutating func beginGroup(class name: String, label: String? = nil) {
        var attributes = [("class", name)]
        if let label { attributes.append(("aria-label", label)) }
        body.append("<g \(Self.attributeList(attributes))>")
    }

    mutating func endGroup() {
        body.append("</g>")
    }

    /// The text width, estimated: SVG cannot measure text before rendering, and ScaleLab's
    /// labels are short, so 0.6 em per character is close enough to lay out margins and legends.
    static func estimatedWidth(of text: String, size: Double = 12) -> Double {
        Double(text.count) * size * 0.6
    }

    /// A coordinate with at most two decimals and no exponent: short output, stable tests.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100 + 0
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.2f", rounded).droppingTrailingFractionZeros()
    }

    private mutating func element(_ name: String, _ attributes: [(String, String)], tooltip: String? = nil) {
        let opening = "<\(name) \(Self.attributeList(attributes))"
        if let tooltip {
            body.append("\(opening)><title>\(tooltip.escapedForMarkup)</title></\(name)>")
        } else {
            body.append("\(opening)/>")
        }
    }

    private static func attributeList(_ attributes: [(String, String)]) -> String {
        attributes.map { "\($0.0)=\"\($0.1.escapedForMarkup)\"" }.joined(separator: " ")
    }
}
