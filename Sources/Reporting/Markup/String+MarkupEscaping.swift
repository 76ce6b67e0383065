extension String {
    /// The text made safe inside HTML or XML (SVG) content and quoted attribute values.
    ///
    /// Escapes `& < > " '` and replaces the control characters XML 1.0 forbids (all below
    /// U+0020 except tab, line feed and carriage return) with U+FFFD, so any user-supplied
    /// name renders as text and never breaks the document.
    var escapedForMarkup: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
