import Testing

@testable import LoadTesting

struct CommandLineValueTests {
    @Test(arguments: [
        ("30s", Duration.seconds(30)), ("5m", .seconds(300)), ("1h30m", .seconds(5_400)),
        ("1h20m30s", .seconds(4_830)), ("250ms", .milliseconds(250)), ("20", .seconds(20)), ("0.5", .milliseconds(500)),
    ])
    func durationsParseAsLocustWritesThem(text: String, expected: Duration) {
        #expect(DurationText.parse(text) == expected)
    }

    @Test(arguments: ["", "5x", "m", "30m1h", "-3", "1.2.3s"])
    func invalidDurationsAreRejected(text: String) {
        #expect(DurationText.parse(text) == nil)
    }

    @Test func durationsFormatShort() {
        #expect(DurationText.format(.seconds(5_400)) == "1h30m")
        #expect(DurationText.format(.seconds(30)) == "30s")
    }

    @Test func hostsParse() throws {
        let target = try TargetAddress(parsing: "http://127.0.0.1:8080/api/")
        #expect(target.host == "127.0.0.1" && target.port == 8080 && target.basePath == "/api")
        #expect(try TargetAddress(parsing: "http://localhost").port == 80)
        #expect(try TargetAddress(parsing: "http://[::1]:9000").host == "::1")
        #expect(throws: TargetAddressError.self) { try TargetAddress(parsing: "127.0.0.1:8080") }
        #expect(throws: TargetAddressError.self) { try TargetAddress(parsing: "http://127.0.0.1:99999") }
        #expect(throws: TargetAddressError.self) { try TargetAddress(parsing: "https://example.test") }
    }
}
