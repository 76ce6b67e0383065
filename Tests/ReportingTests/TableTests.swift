import Testing

@testable import Reporting

struct TableTests {
    private let table = Table(
        title: "Counter",
        columns: [.init("variant", alignment: .left), .init("median")],
        rows: [["mutex", "1.23 ms"], ["atomic | relaxed", "12.3 ms"]],
        notes: ["2 logical cores", "5 runs"]
    )

    @Test func textAlignsColumnsAndEndsWithNotes() {
        let lines = table.renderedAsText().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines == [
            "Counter",
            "",
            "variant            median",
            "----------------  -------",
            "mutex             1.23 ms",
            "atomic | relaxed  12.3 ms",
            "",
            "2 logical cores",
            "5 runs",
            "",
        ])
    }

    @Test func textWithoutNotesHasNoTrailingBlankLine() {
        let bare = Table(title: "T", columns: [.init("a")], rows: [["1"]])
        #expect(bare.renderedAsText() == "T\n\na\n-\n1\n")
    }

    @Test func markdownEscapesPipesAndAlignsNumbersRight() {
        #expect(table.renderedAsMarkdown() == """
            ### Counter

            | variant | median |
            | --- | ---: |
            | mutex | 1.23 ms |
            | atomic \\| relaxed | 12.3 ms |

            - 2 logical cores
            - 5 runs

            """)
        #expect(table.renderedAsMarkdown(headingLevel: 2).hasPrefix("## Counter\n"))
    }

    @Test func appendAddsRowsInOrder() {
        var growing = Table(title: "T", columns: [.init("a"), .init("b")])
        growing.append(["1", "2"])
        growing.append(["3", "4"])
        #expect(growing.rows == [["1", "2"], ["3", "4"]])
    }
}
