/// Thrown by child work started with arguments it cannot use (only a bug in the parent can do that).
struct ChildWorkArgumentError: Error, CustomStringConvertible {
    let work: String
    let expected: String
    let got: [String]

    var description: String {
        "Child work '\(work)' expects arguments \(expected), got \(got.joined(separator: " ")). Run it through `scalelab experiment`, which passes them."
    }
}
