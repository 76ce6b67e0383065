import Testing

@testable import LoadTesting

struct ReportTests {
    private func lines(_ text: String) -> [String] {
        text.split(separator: "\r\n", omittingEmptySubsequences: true).map(String.init)
    }

    @Test func csvHeadersAreLocusts() {
        let snapshot = SnapshotFixture.oneSecond()
        let percentiles = "50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%"
        #expect(lines(LocustCSV.stats(snapshot))[0] == "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s," + percentiles)
        #expect(lines(LocustCSV.history(snapshot))[0] == "Timestamp,User Count,Type,Name,Requests/s,Failures/s," + percentiles + ",Total Request Count,Total Failure Count,Total Median Response Time,Total Average Response Time,Total Min Response Time,Total Max Response Time,Total Average Content Size")
        #expect(lines(LocustCSV.failures(snapshot))[0] == "Method,Name,Error,Occurrences,First Seen,Last Seen")
    }

    @Test func csvRowsCarryTheStatistics() {
        let snapshot = SnapshotFixture.oneSecond()
        let stats = lines(LocustCSV.stats(snapshot))
        #expect(stats.count == 4)
        #expect(stats.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 22 })
        // Times are HDR values (3 significant digits), so check them to that precision.
        let get = stats[1].split(separator: ",").map(String.init)
        #expect(Array(get[0...3]) == ["GET", "/albums", "100", "2"])
        #expect(abs((Double(get[4]) ?? 0) - 50) < 0.1)
        #expect(abs((Double(get[7]) ?? 0) - 100) < 0.1)
        #expect(get[8] == "100" && get[9] == "100" && get[10] == "2")
        #expect(stats[3].hasPrefix(",Aggregated,110,2,"))
        #expect(lines(LocustCSV.history(snapshot))[1].hasPrefix("1700000001,5,,Aggregated,110,2,"))
        #expect(lines(LocustCSV.failures(snapshot))[1].hasPrefix("GET,/albums,unexpected status 500 (expected 200),2,20"))
    }

    @Test func htmlReportHasTheTablesAndCharts() throws {
        let html = HTMLReport.rendered(try SnapshotFixture.report())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for text in ["Statistics", "Response time percentiles (ms)", "Failures", "Thresholds", "Requests per second", "Response times", "Users"] {
            #expect(html.contains(text), "missing \(text)")
        }
        #expect(html.components(separatedBy: "<svg").count - 1 == 3)
        #expect(html.components(separatedBy: "<table").count - 1 == 4)
        #expect(!html.contains("<script"))
    }

    @Test func finalTextHasStatisticsPercentilesFailuresAndThresholds() throws {
        let report = try SnapshotFixture.report()
        let text = LoadReportText.final(report)
        #expect(text.contains("Final statistics"))
        #expect(text.contains("Response time percentiles (ms)"))
        #expect(text.contains("unexpected status 500 (expected 200)"))
        #expect(text.contains("p95<10ms") && text.contains("BROKEN"))
        #expect(text.contains("Generator CPU: at most 20% of its event-loop threads"))
        #expect(!text.contains("Warning: the generator used"))
        #expect(!report.thresholdsHold)
        #expect(try report.json().contains(#""holds" : false"#))
    }
}
