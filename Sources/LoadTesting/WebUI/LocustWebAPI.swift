import Foundation

/// The JSON documents of Locust's web API (`/stats/requests`, `/tasks`, `/exceptions`,
/// `/logs`) with Locust's field names, so that scripts written against Locust read them; and
/// the page's live update, which is `/stats/requests` plus what the charts and tabs need.
/// Times are exact milliseconds (Locust rounds some of them).
enum LocustWebAPI {
    /// The percentiles of each row, as Locust's `PERCENTILES_TO_STATISTICS`.
    static let rowPercentiles: [Double] = [95, 99]
    /// The current (windowed) percentiles of the whole run, as Locust's `PERCENTILES_TO_CHART`.
    static let chartPercentiles: [Double] = [50, 95]

    /// Locust's key for a percentile: 95 → "response_time_percentile_0.95".
    static func percentileKey(_ percentile: Double) -> String {
        "response_time_percentile_\(percentile / 100)"
    }

    /// `GET /stats/requests`.
    static func statsRequests(_ view: LoadTestView) -> [String: JSONValue] {
        let snapshot = view.snapshot
        let total = snapshot.aggregated
        var document: [String: JSONValue] = [
            "stats": .array((snapshot.endpoints + [total]).map { .object(row($0, in: snapshot)) }),
            "errors": .array(snapshot.failures.map { failure in
                .object([
                    "method": .string(failure.method), "name": .string(failure.name), "error": .string(failure.reason),
                    "occurrences": .integer(Int(failure.occurrences)),
                ])
            }),
            "current_rps": .number(total.currentRequestsPerSecond),
            "current_fail_per_sec": .number(total.currentFailuresPerSecond),
            "total_rps": .number(snapshot.averageRequestsPerSecond(of: total)),
            "total_fail_per_sec": .number(snapshot.averageFailuresPerSecond(of: total)),
            "fail_ratio": .number(total.stats.failureRatio),
            "current_response_time_percentiles": .object(Dictionary(uniqueKeysWithValues: chartPercentiles.map { percentile in
                (percentileKey(percentile), currentPercentile(percentile, in: snapshot).map(JSONValue.number) ?? .null)
            })),
            "state": .string(view.state.rawValue),
            "user_count": .integer(snapshot.users),
        ]
        if let workers = view.workers {
            document["workers"] = .array(workers.map { worker in
                .object([
                    "id": .string(worker.id), "state": .string(worker.state), "user_count": .integer(worker.users),
                    "cpu_usage": .number(worker.cpuUse * 100), "memory_usage": .integer(Int(clamping: worker.peakMemoryBytes)),
                    // ScaleLab's additions.
                    "index": .integer(worker.index), "host": .string(worker.host),
                    "seconds_since_heartbeat": .number(worker.secondsSinceHeartbeat),
                ])
            })
            document["worker_count"] = .integer(workers.filter { $0.state == "running" }.count)
        }
        return document
    }

    /// One row of `stats`, as Locust's `StatsEntry.to_dict`.
    private static func row(_ row: StatsSnapshot.Row, in snapshot: StatsSnapshot) -> [String: JSONValue] {
        let stats = row.stats
        let hasRequests = stats.requests > 0
        func time(_ milliseconds: Double) -> JSONValue { .number(hasRequests ? milliseconds : 0) }
        var fields: [String: JSONValue] = [
            "method": .string(stats.method), "name": .string(stats.name),
            "num_requests": .integer(Int(stats.requests)), "num_failures": .integer(Int(stats.failures)),
            "min_response_time": time(stats.minMilliseconds), "max_response_time": time(stats.maxMilliseconds),
            "current_rps": .number(row.currentRequestsPerSecond), "current_fail_per_sec": .number(row.currentFailuresPerSecond),
            "avg_response_time": time(stats.meanMilliseconds), "median_response_time": time(stats.percentileMilliseconds(50)),
            "total_rps": .number(snapshot.averageRequestsPerSecond(of: row)),
            "total_fail_per_sec": .number(snapshot.averageFailuresPerSecond(of: row)),
            "avg_content_length": .number(stats.averageContentBytes),
        ]
        for percentile in rowPercentiles {
            fields[percentileKey(percentile)] = time(stats.percentileMilliseconds(percentile))
        }
        return fields
    }

    /// The run's percentile over the rate window, from its last history point.
    private static func currentPercentile(_ percentile: Double, in snapshot: StatsSnapshot) -> Double? {
        guard let point = snapshot.history.last, point.requestsPerSecond > 0,
              let index = StatsSnapshot.reportedPercentiles.firstIndex(of: percentile) else { return nil }
        return point.windowPercentilesMilliseconds[index]
    }

    /// `GET /tasks`: each user type's share of the users and each task's share, per type
    /// (`per_class`) and of all tasks run (`total`), as Locust's.
    static func tasks(_ view: LoadTestView) -> [String: JSONValue] {
        let scenario = view.scenario
        let ratios = userTypeRatios(view)
        func classes(total: Bool) -> JSONValue {
            .object(Dictionary(uniqueKeysWithValues: scenario.userTypes.map { type in
                let ratio = ratios[type.name] ?? 0
                let weights = type.tasks.reduce(0) { $0 + $1.weight }
                let tasks = Dictionary(type.tasks.map { task in
                    (task.name, Double(task.weight) / Double(weights) * (total ? ratio : 1))
                }, uniquingKeysWith: +)
                return (type.name, JSONValue.object([
                    "ratio": .number(ratio),
                    "tasks": .object(tasks.mapValues { .object(["ratio": .number($0)]) }),
                ]))
            }))
        }
        return ["per_class": classes(total: false), "total": classes(total: true)]
    }

    /// Each user type's share of the users running (closed model: by their indices, as they
    /// are dealt) or of the weights (open model, or before any user runs).
    private static func userTypeRatios(_ view: LoadTestView) -> [String: Double] {
        let types = view.scenario.userTypes
        let users = if case .closed(let users, _) = view.configuration.shape { min(view.snapshot.users, users) } else { 0 }
        let counts = users > 0 ? view.scenario.userCounts(users) : types.map(\.weight)
        let all = Double(counts.reduce(0, +))
        return Dictionary(zip(types.map(\.name), counts.map { Double($0) / all }), uniquingKeysWith: +)
    }

    /// `GET /exceptions`: errors in scenario code, as Locust's (count, message, traceback and
    /// the nodes that saw them).
    static func exceptions(_ view: LoadTestView) -> [String: JSONValue] {
        ["exceptions": .array(view.snapshot.exceptions.map { exception in
            .object([
                "count": .integer(Int(exception.occurrences)), "msg": .string(exception.message), "traceback": .string(""),
                "nodes": .string(exception.nodes.joined(separator: ", ")),
            ])
        })]
    }

    /// `GET /logs`: the master's (this process's) log lines; workers' logs stay with them.
    static func logs(_ view: LoadTestView) -> [String: JSONValue] {
        ["master": .array(view.logs.map(JSONValue.string)), "workers": .object([:])]
    }

    /// The page's live update: `/stats/requests` with the test's settings, the chart history
    /// from point `historyFrom` on, the cluster's events, the latest log lines and the tasks'
    /// ratios.
    static func liveUpdate(_ view: LoadTestView, historyFrom: Int) -> JSONValue {
        var document = statsRequests(view)
        let configuration = view.configuration
        let history = view.snapshot.history
        let from = min(historyFrom, history.count)
        document["test"] = .integer(view.testNumber)
        document["host"] = .string(configuration.target.description)
        document["scenario"] = .string(view.scenario.name)
        document["elapsed_seconds"] = .number(view.snapshot.elapsedSeconds)
        document["run_time_seconds"] = configuration.runTime.map { .number($0.seconds) } ?? .null
        document["run_time"] = configuration.runTime.map { .string(DurationText.format($0)) } ?? .null
        switch configuration.shape {
        case .closed(let users, let spawnRate):
            document["target_user_count"] = .integer(users)
            document["spawn_rate"] = .number(spawnRate)
        case .open(let rate, let maxInFlight):
            document["arrival_rate"] = .number(rate)
            document["max_in_flight"] = .integer(maxInFlight)
        }
        document["error"] = view.error.map(JSONValue.string) ?? .null
        let percentileIndices = [50.0, 95, 99].compactMap { StatsSnapshot.reportedPercentiles.firstIndex(of: $0) }
        document["history"] = .object([
            "from": .integer(from),
            // Per second: elapsed seconds, users, requests/s, failures/s, p50, p95, p99 (ms).
            "points": .array(history[from...].map { point in
                .array([
                    .number(point.elapsedSeconds), .integer(point.users), .number(point.requestsPerSecond),
                    .number(point.failuresPerSecond),
                ] + percentileIndices.map { .number(point.requestsPerSecond > 0 ? point.windowPercentilesMilliseconds[$0] : 0) })
            }),
        ])
        document["events"] = .array(view.events.map { event in
            .object(["elapsed_seconds": .number(event.elapsedSeconds), "message": .string(event.message)])
        })
        document["logs"] = .array(view.logs.suffix(100).map(JSONValue.string))
        document["tasks"] = .object(tasks(view))
        document["exceptions"] = exceptions(view)["exceptions"]
        document["late_starts"] = .integer(Int(view.snapshot.lateStarts))
        return .object(document)
    }
}
