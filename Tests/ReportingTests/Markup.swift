import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Checks on rendered markup shared by the chart and page tests.
enum Markup {
    /// Whether `text` parses as well-formed XML: balanced tags, quoted attributes, valid entities.
    static func isWellFormedXML(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }

    /// How many times `fragment` occurs in `text`.
    static func occurrences(of fragment: String, in text: String) -> Int {
        text.components(separatedBy: fragment).count - 1
    }

    /// Whether `text` contains a number that is not one: NaN or infinity in any spelling.
    static func containsNonFiniteNumber(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return ["nan", "inf"].contains { word in
            ["\"\(word)", " \(word)", ",\(word)", "-\(word)"].contains { lowered.contains($0) }
        }
    }
}
