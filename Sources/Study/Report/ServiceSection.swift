import AlbumService
import LoadTesting
import Reporting

/// The report's service section: the original workload against the original's store and
/// ScaleLab's, with each client; the original's figures as a labelled row; the conclusions.
struct ServiceSection {
    let runs: [ServiceRun]
    let size: StudySize

    var section: StudySection {
        var section = StudySection(title: "Service")
        section.blocks.append(.paragraph(
            "The original workload: each user sends GET /albums and POST /albums at 3:1 with no wait, and every POST makes the list longer, so every GET returns more. \(size.serviceUsers) users start at \(NumberFormatting.significant(size.serviceSpawnRate))/s and run for \(size.serviceRunSeconds) s against a fresh album service in this process (event-loop engine, 127.0.0.1, the three classic albums to start). The generator shares the machine with the service. locked: the original's store, which encodes the whole list under its lock on every GET; cached: ScaleLab's, which encodes each album once and shares one list per version."))
        guard !runs.isEmpty else {
            section.blocks.append(.paragraph("No service run was measured."))
            return section
        }
        section.blocks.append(.table(table))
        section.blocks.append(.barChart(BarChart(
            title: "Throughput per store and client", valueAxisLabel: "requests/s (whole run)",
            bars: runs.map { .init(label: "\($0.setting.listEncoding), \($0.setting.client.rawValue)", value: $0.requestsPerSecond) })))
        let fastRuns = runs.filter { $0.setting.client == .fast }
        section.blocks.append(.paragraph(
            "The charts below plot the response times of all requests over the generator's last \(StatsCollector.rateWindowSeconds) s (3 in 4 are GET /albums) against the albums stored at that second."))
        section.blocks.append(.lineChart(storesChart(fastRuns)))
        section.blocks += fastRuns.map { .lineChart(latencyChart($0)) }
        if let conclusion = ServiceConclusions.store(
            locked: run(.init(listEncoding: .locked, client: .fast, users: size.serviceUsers)),
            cached: run(.init(listEncoding: .cached, client: .fast, users: size.serviceUsers)))
        {
            section.conclusions.append(conclusion)
        }
        for listEncoding in [ListEncoding.locked, .cached] {
            if let conclusion = ServiceConclusions.clients(
                fast: run(.init(listEncoding: listEncoding, client: .fast, users: size.serviceUsers)),
                standard: run(.init(listEncoding: listEncoding, client: .standard, users: size.serviceUsers)))
            {
                section.conclusions.append(conclusion)
            }
        }
        return section
    }

    private func run(_ setting: ServiceSetting) -> ServiceRun? {
        runs.first { $0.setting == setting }
    }

    private var table: Table {
        var table = Table(
            title: "The original workload: this machine and the original",
            columns: [
                .init("store", alignment: .left), .init("client", alignment: .left), .init("users"), .init("requests/s"),
                .init("GET median ms"), .init("GET p95 ms"), .init("GET p99 ms"), .init("GET average bytes"),
                .init("POST median ms"), .init("POST p95 ms"), .init("POST p99 ms"), .init("failures"), .init("albums at end"),
            ],
            notes: [
                "Percentiles are exact (HDR histograms) over the whole run; requests/s over the whole run, spawning included.",
                "The original row: Locust (1 master + 1 worker) against Gin on a cloud VM, \(OriginalFigures.Service.users) users at \(NumberFormatting.significant(OriginalFigures.Service.spawnRate))/s; its run time is not given, so its list ended at another length.",
            ])
        for run in runs {
            table.append([
                run.setting.storeName, run.setting.client.rawValue, "\(run.setting.users)",
                NumberFormatting.significant(run.requestsPerSecond),
            ] + Self.cells(run.get, withBytes: true) + Self.cells(run.post, withBytes: false) + [
                NumberFormatting.grouped(Int(run.failures)), NumberFormatting.grouped(run.albumsAtEnd),
            ])
        }
        let original = OriginalFigures.Service.self
        table.append([
            "the original (Gin, Go map under a lock)", "Locust HttpUser", "\(original.users)",
            "~\(NumberFormatting.significant(original.requestsPerSecond))",
            "\(NumberFormatting.significant(original.listMedianMilliseconds))", NumberFormatting.grouped(Int(original.listP95Milliseconds)),
            NumberFormatting.grouped(Int(original.listP99Milliseconds)), "~\(NumberFormatting.grouped(Int(original.listAverageBytes)))",
            "\(NumberFormatting.significant(original.createMedianMilliseconds))", "\(NumberFormatting.significant(original.createP95Milliseconds))",
            "\(NumberFormatting.significant(original.createP99Milliseconds))", "-", "-",
        ])
        return table
    }

    private static func cells(_ endpoint: ServiceRun.Endpoint, withBytes: Bool) -> [String] {
        [
            NumberFormatting.significant(endpoint.medianMilliseconds), NumberFormatting.significant(endpoint.p95Milliseconds),
            NumberFormatting.significant(endpoint.p99Milliseconds),
        ] + (withBytes ? [NumberFormatting.grouped(Int(endpoint.averageBytes.rounded()))] : [])
    }

    /// Response times over the last seconds against the albums stored, as the list grows.
    private func latencyChart(_ run: ServiceRun) -> LineChart {
        LineChart(
            title: "\(run.setting.storeName), \(run.setting.client.rawValue) client: response times as the list grows",
            xAxisLabel: "albums stored",
            yAxisLabel: "ms (last \(StatsCollector.rateWindowSeconds) s)",
            series: [
                Self.series("p50", run, \.windowMedianMilliseconds), Self.series("p95", run, \.windowP95Milliseconds),
                Self.series("p99", run, \.windowP99Milliseconds),
            ])
    }

    /// The stores side by side: p95 against the albums stored.
    private func storesChart(_ runs: [ServiceRun]) -> LineChart {
        LineChart(
            title: "p95 response time as the list grows, per store (fast client)",
            xAxisLabel: "albums stored",
            yAxisLabel: "ms (last \(StatsCollector.rateWindowSeconds) s)",
            series: runs.map { Self.series($0.setting.storeName, $0, \.windowP95Milliseconds) })
    }

    private static func series(_ name: String, _ run: ServiceRun, _ value: (ServiceRun.Second) -> Double) -> LineChart.Series {
        .init(name: name, points: run.seconds.map { .init(x: Double($0.albums), y: value($0)) })
    }
}
