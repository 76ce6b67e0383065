/// Series colours: the Okabe–Ito palette, distinguishable with the common colour-vision
/// deficiencies and legible on light and dark backgrounds (its black is left out).
enum ChartPalette {
    static let colors = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]

    /// The colour of the series at `index`, repeating after seven.
    static func color(at index: Int) -> String {
        colors[index % colors.count]
    }
}
