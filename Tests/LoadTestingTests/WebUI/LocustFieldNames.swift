/// Field names of Locust's web API, as Locust 2.47's `web.py` and `StatsEntry.to_dict` write
/// them (read from its source), for scripts written against Locust.
enum LocustFieldNames {
    /// `GET /stats/requests` of a single-process run with statistics.
    static let statsRequests: Set<String> = [
        "stats", "errors", "current_rps", "current_fail_per_sec", "total_rps", "total_fail_per_sec", "fail_ratio",
        "current_response_time_percentiles", "state", "user_count",
    ]
    /// The same with workers (a master).
    static let statsRequestsOfMaster = statsRequests.union(["workers", "worker_count"])
    /// One row of `stats`.
    static let statsRow: Set<String> = [
        "method", "name", "num_requests", "num_failures", "min_response_time", "max_response_time", "current_rps",
        "current_fail_per_sec", "avg_response_time", "median_response_time", "total_rps", "total_fail_per_sec",
        "response_time_percentile_0.95", "response_time_percentile_0.99", "avg_content_length",
    ]
    /// One entry of `errors`.
    static let error: Set<String> = ["method", "name", "error", "occurrences"]
    /// `current_response_time_percentiles`.
    static let currentPercentiles: Set<String> = ["response_time_percentile_0.5", "response_time_percentile_0.95"]
    /// One worker of `workers` (ScaleLab adds index, host and seconds_since_heartbeat).
    static let worker: Set<String> = ["id", "state", "user_count", "cpu_usage", "memory_usage"]
}
