/// A route's path pattern, such as `/albums/{id}`: literal segments and at most one named parameter.
///
/// Matching ignores empty segments, so `/albums/` and `//albums` match `/albums`.
package struct RoutePath: Sendable, Hashable, CustomStringConvertible {
    private enum Segment: Sendable, Hashable {
        case literal(String)
        case parameter
    }

    private let segments: [Segment]
    /// The pattern as written, e.g. `/albums/{id}`.
    package let description: String
    /// The name of the pattern's parameter, e.g. `id`; nil when it has none.
    package let parameterName: String?

    /// A pattern from its text; `{name}` segments are parameters.
    package init(_ pattern: String) {
        description = pattern
        parameterName = pattern.split(separator: "/").first { $0.hasPrefix("{") && $0.hasSuffix("}") }
            .map { String($0.dropFirst().dropLast()) }
        segments = pattern.split(separator: "/").map { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? .parameter : .literal(String(segment))
        }
    }

    /// The value of the pattern's parameter (nil when it has none) if `path` matches, else
    /// `.none`; the value is as sent, still percent-encoded.
    package func match(_ path: Substring) -> Substring?? {
        let bytes = path.utf8
        var index = bytes.startIndex
        var parameter: Substring? = nil
        for segment in segments {
            while index != bytes.endIndex && bytes[index] == UInt8(ascii: "/") { index = bytes.index(after: index) }
            guard index != bytes.endIndex else { return .none }
            let start = index
            while index != bytes.endIndex && bytes[index] != UInt8(ascii: "/") { index = bytes.index(after: index) }
            let piece = path[start..<index]
            switch segment {
            case .literal(let text): guard piece == text else { return .none }
            case .parameter: parameter = piece
            }
        }
        while index != bytes.endIndex {
            guard bytes[index] == UInt8(ascii: "/") else { return .none }
            index = bytes.index(after: index)
        }
        return .some(parameter)
    }
}
