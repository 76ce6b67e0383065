import Testing

@testable import LoadTesting

struct RequestFailureTests {
    @Test func unexpectedStatusReasonsNameTheExpectedStatusesShortly() {
        #expect(RequestFailure.unexpectedStatus(500, expected: [200]).reason == "unexpected status 500 (expected 200)")
        #expect(RequestFailure.unexpectedStatus(404, expected: [201, 200]).reason == "unexpected status 404 (expected 200 or 201)")
        #expect(RequestFailure.unexpectedStatus(404, expected: Set(200...299)).reason == "unexpected status 404 (expected 2xx)")
    }
}
