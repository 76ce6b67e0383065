/// A sentence the study draws from its numbers, and whether the original found the same.
package struct Conclusion: Codable, Sendable, Equatable {
    /// How the finding stands against the original's.
    package enum Verdict: String, Codable, Sendable {
        /// The original found the same.
        case agrees
        /// The original found otherwise; the sentence says so plainly.
        case disagrees
        /// The original has nothing to compare with.
        case new
    }

    package let text: String
    package let verdict: Verdict

    package init(_ text: String, verdict: Verdict) {
        self.text = text
        self.verdict = verdict
    }

    /// The sentence as the report prints it: a disagreement is marked as one.
    package var rendered: String {
        verdict == .disagrees ? "This machine disagrees with the original: " + text : text
    }
}
