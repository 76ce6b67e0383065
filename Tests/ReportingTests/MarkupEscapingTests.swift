import Testing

@testable import Reporting

struct MarkupEscapingTests {
    @Test func escapesTheFiveSpecialCharacters() {
        #expect(#"<a href="x">Tom & 'Jerry'</a>"#.escapedForMarkup == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
    }

    @Test func keepsOrdinaryTextAndWhitespace() {
        #expect("Café 50 ms\tp99\n".escapedForMarkup == "Café 50 ms\tp99\n")
    }

    @Test func replacesControlCharactersXMLForbids() {
        #expect("a\u{0}b\u{1B}c".escapedForMarkup == "a\u{FFFD}b\u{FFFD}c")
    }
}
