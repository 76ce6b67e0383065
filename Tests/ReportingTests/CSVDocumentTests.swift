import Testing

@testable import Reporting

struct CSVDocumentTests {
    @Test func linesEndInCRLF() {
        let csv = CSVDocument(header: ["Type", "Name"], rows: [["GET", "/albums"]])
        #expect(csv.rendered() == "Type,Name\r\nGET,/albums\r\n")
    }

    @Test func quotesFieldsWithSeparatorsQuotesOrLineBreaks() {
        let csv = CSVDocument(header: ["field"], rows: [["a,b"], [#"say "hi""#], ["two\nlines"], ["cr\rhere"], ["plain"], [""]])
        #expect(csv.rendered() == "field\r\n\"a,b\"\r\n\"say \"\"hi\"\"\"\r\n\"two\nlines\"\r\n\"cr\rhere\"\r\nplain\r\n\r\n")
    }

    @Test func keepsSpacesAndOtherCharactersAsWritten() {
        let csv = CSVDocument(header: [" padded ", "<tag>&"], rows: [])
        #expect(csv.rendered() == " padded ,<tag>&\r\n")
    }

    @Test func appendAddsRecordsInOrder() {
        var csv = CSVDocument(header: ["n"])
        csv.append(["1"])
        csv.append(["2"])
        #expect(csv.rows == [["1"], ["2"]])
        #expect(csv.rendered() == "n\r\n1\r\n2\r\n")
    }
}
