/// The Nelder–Mead downhill simplex method: minimizes a function of a few variables without
/// derivatives. Used to fit models whose error has no convenient gradient.
enum NelderMead {
    /// A local minimum of `function` near `start`, found within `maximumIterations` steps.
    ///
    /// The first simplex spans `start` plus, along each axis, a step of a tenth of the coordinate
    /// (at least `0.01`). The search stops when the simplex shrinks below `tolerance` in every
    /// coordinate and in function value.
    static func minimize(
        start: [Double], tolerance: Double = 1e-12, maximumIterations: Int = 5_000, _ function: ([Double]) -> Double
    ) -> [Double] {
        var simplex = [start] + start.indices.map { axis in
            var vertex = start
            vertex[axis] += Swift.max(abs(start[axis]) / 10, 0.01)
            return vertex
        }
        var values = simplex.map(function)
        for _ in 0..<maximumIterations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            if hasConverged(simplex, values, tolerance: tolerance) { break }

            let worst = simplex.count - 1
            let centroid = start.indices.map { axis in simplex.dropLast().reduce(0) { $0 + $1[axis] } / Double(worst) }
            func point(_ factor: Double) -> [Double] {
                start.indices.map { centroid[$0] + factor * (simplex[worst][$0] - centroid[$0]) }
            }
            let reflected = point(-1)
            let reflectedValue = function(reflected)
            if reflectedValue < values[0] {
                let expanded = point(-2)
                let expandedValue = function(expanded)
                (simplex[worst], values[worst]) = expandedValue < reflectedValue ? (expanded, expandedValue) : (reflected, reflectedValue)
            } else if reflectedValue < values[worst - 1] {
                (simplex[worst], values[worst]) = (reflected, reflectedValue)
            } else {
                let contracted = reflectedValue < values[worst] ? point(-0.5) : point(0.5)
                let contractedValue = function(contracted)
                if contractedValue < Swift.min(reflectedValue, values[worst]) {
                    (simplex[worst], values[worst]) = (contracted, contractedValue)
                } else {
                    // Shrink every vertex halfway towards the best one.
                    for index in 1..<simplex.count {
                        simplex[index] = start.indices.map { (simplex[0][$0] + simplex[index][$0]) / 2 }
                        values[index] = function(simplex[index])
                    }
                }
            }
        }
        return simplex[values.indices.min { values[$0] < values[$1] } ?? 0]
    }

    private static func hasConverged(_ simplex: [[Double]], _ values: [Double], tolerance: Double) -> Bool {
        let spread = simplex.indices.dropFirst().allSatisfy { index in
            simplex[index].indices.allSatisfy { abs(simplex[index][$0] - simplex[0][$0]) <= tolerance }
        }
        let valueSpread = (values.last ?? 0) - (values.first ?? 0)
        return spread && valueSpread <= tolerance * Swift.max(1, abs(values.first ?? 0))
    }
}
