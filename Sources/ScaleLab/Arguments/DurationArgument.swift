import ArgumentParser
import LoadTesting

/// A duration on the command line, as Locust writes them: 30s, 5m, 1h30m, 500ms, or a bare
/// number of seconds. Parsed once, when the arguments are.
struct DurationArgument: ExpressibleByArgument, CustomStringConvertible, Sendable {
    let duration: Duration

    init(_ duration: Duration) {
        self.duration = duration
    }

    init?(argument: String) {
        guard let duration = DurationText.parse(argument) else { return nil }
        self.duration = duration
    }

    var description: String { duration == .zero ? "0" : DurationText.format(duration) }
    var defaultValueDescription: String { description }
}
