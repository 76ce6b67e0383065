import Reporting

/// The data files of load runs against the album service.
enum ServiceRunFiles {
    /// Per run, its figures as JSON and its seconds as CSV ("<part>-<setting>.json" and ".csv");
    /// and "<part>.csv", one CSV of every run's figures.
    static func files(for runs: [ServiceRun], part: StudyPart) throws -> [StudyDataFile] {
        guard !runs.isEmpty else { return [] }
        var files: [StudyDataFile] = []
        for run in runs {
            var seconds = CSVDocument(header: ["elapsed seconds", "albums", "requests per second", "window median ms", "window p95 ms", "window p99 ms"])
            for second in run.seconds {
                seconds.append([
                    "\(second.elapsedSeconds)", "\(second.albums)", "\(second.requestsPerSecond)", "\(second.windowMedianMilliseconds)",
                    "\(second.windowP95Milliseconds)", "\(second.windowP99Milliseconds)",
                ])
            }
            files += [
                try .json("\(part.rawValue)-\(run.setting.slug).json", run),
                StudyDataFile(name: "\(part.rawValue)-\(run.setting.slug).csv", contents: seconds.rendered()),
            ]
        }
        files.append(summary(runs, name: "\(part.rawValue).csv"))
        return files
    }

    /// One CSV row of figures per run.
    static func summary(_ runs: [ServiceRun], name: String) -> StudyDataFile {
        var summary = CSVDocument(header: [
            "scenario", "store", "map", "list encoding", "engine", "client", "users", "requests per second", "GET requests",
            "GET failures", "GET median ms", "GET p95 ms", "GET p99 ms", "GET average bytes", "POST requests", "POST failures",
            "POST median ms", "POST p95 ms", "POST p99 ms", "albums at end", "peak generator CPU",
        ])
        for run in runs {
            let setting = run.setting
            summary.append(
                [
                    setting.scenario, setting.store.rawValue, setting.strategy.rawValue, setting.listEncoding, setting.engine.rawValue,
                    setting.client.rawValue, "\(setting.users)", "\(run.requestsPerSecond)",
                ] + csvCells(run.get) + ["\(run.get.averageBytes)"] + csvCells(run.post)
                    + ["\(run.albumsAtEnd)", "\(run.peakGeneratorCPUUse)"])
        }
        return StudyDataFile(name: name, contents: summary.rendered())
    }

    private static func csvCells(_ endpoint: ServiceRun.Endpoint) -> [String] {
        [
            "\(endpoint.requests)", "\(endpoint.failures)", "\(endpoint.medianMilliseconds)", "\(endpoint.p95Milliseconds)",
            "\(endpoint.p99Milliseconds)",
        ]
    }
}
