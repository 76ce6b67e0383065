import Reporting
import Statistics

/// The bar chart every experiment shows: one bar per variant at its median, with a whisker
/// from the fastest to the slowest run.
enum MedianChart {
    static func make(title: String, unit: String, runs: Int, medians: [(label: String, summary: Summary?)]) -> BarChart {
        BarChart(
            title: title,
            valueAxisLabel: "\(unit) (median of \(runs) runs; whiskers: min to max)",
            bars: medians.compactMap { label, summary in
                summary.map { BarChart.Bar(label: label, value: $0.median, range: $0.min...$0.max) }
            })
    }
}
