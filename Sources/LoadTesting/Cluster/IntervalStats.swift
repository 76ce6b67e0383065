/// One second of a worker's statistics, as sent to the master: the requests recorded since
/// the previous message, with sparse HDR histograms, so the master's merge is exact.
struct IntervalStats: Codable, Sendable, Equatable {
    /// The run the statistics belong to.
    var epoch: Int
    /// 1 for the first message of a run, one more for each next one.
    var sequence: Int
    /// The last message of the run, sent after the worker stopped.
    var isFinal: Bool
    var endpoints: [EndpointStats]
    var failures: [FailureCount]
    /// Errors in scenario code (optional: a 1.0 worker without them still decodes).
    var exceptions: [ExceptionCount]?
    var lateStarts: UInt64
    var unstarted: UInt64
    var droppedInFlight: UInt64
    /// Users running (closed model) or requests in flight (open model) at the end of the second.
    var concurrency: Int

    /// The most request types and failure kinds one message may carry.
    static let maxEntries = 10_000
    /// The longest method, name or failure reason accepted.
    static let maxTextLength = 4_096

    init(epoch: Int, sequence: Int, isFinal: Bool, recorder: StatsRecorder, concurrency: Int) {
        self.epoch = epoch
        self.sequence = sequence
        self.isFinal = isFinal
        self.endpoints = recorder.sortedEndpoints
        self.failures = recorder.failureCounts
        self.exceptions = recorder.exceptionCounts
        self.lateStarts = recorder.lateStarts
        self.unstarted = recorder.unstarted
        self.droppedInFlight = recorder.droppedInFlight
        self.concurrency = concurrency
    }

    /// The statistics as a recorder to merge, after checking that they make sense; throws a
    /// message naming the first problem. (Histograms were already checked when decoded.)
    func validatedRecorder() throws(ClusterMessageError) -> StatsRecorder {
        guard endpoints.count <= Self.maxEntries, failures.count <= Self.maxEntries else {
            throw ClusterMessageError("more than \(Self.maxEntries) request types or failure kinds in one second")
        }
        guard concurrency >= 0, sequence >= 1 else {
            throw ClusterMessageError("negative concurrency or a sequence number below 1")
        }
        var recorder = StatsRecorder()
        var seen = Set<EndpointKey>()
        for stats in endpoints {
            try Self.checkText(stats.method, "method")
            try Self.checkText(stats.name, "name")
            guard seen.insert(EndpointKey(method: stats.method, name: stats.name)).inserted else {
                throw ClusterMessageError("request type \(stats.method) \(stats.name) listed twice")
            }
            guard stats.failures <= stats.requests, stats.histogram.count == stats.requests else {
                throw ClusterMessageError(
                    "\(stats.method) \(stats.name): \(stats.failures) failures and \(stats.histogram.count) response times for \(stats.requests) requests")
            }
            if let serviceTimes = stats.serviceTimeHistogram, serviceTimes.count != stats.requests {
                throw ClusterMessageError("\(stats.method) \(stats.name): \(serviceTimes.count) service times for \(stats.requests) requests")
            }
            recorder.merge(stats)
        }
        for failure in failures {
            try Self.checkText(failure.method, "method")
            try Self.checkText(failure.name, "name")
            try Self.checkText(failure.reason, "failure reason")
            guard failure.occurrences > 0, failure.firstSeen.isFinite, failure.lastSeen.isFinite,
                failure.firstSeen <= failure.lastSeen
            else {
                throw ClusterMessageError("failure '\(failure.reason)' has no occurrences or impossible times")
            }
            recorder.add(failure)
        }
        let exceptions = self.exceptions ?? []
        guard exceptions.count <= Self.maxEntries else {
            throw ClusterMessageError("more than \(Self.maxEntries) kinds of exceptions in one second")
        }
        for exception in exceptions {
            try Self.checkText(exception.message, "exception message")
            guard exception.occurrences > 0 else { throw ClusterMessageError("exception '\(exception.message)' has no occurrences") }
            recorder.add(ExceptionCount(message: exception.message, occurrences: exception.occurrences))
        }
        recorder.recordLateStarts(lateStarts)
        recorder.recordUnstarted(unstarted)
        recorder.recordDroppedInFlight(droppedInFlight)
        return recorder
    }

    private static func checkText(_ text: String, _ what: String) throws(ClusterMessageError) {
        guard text.utf8.count <= maxTextLength else {
            throw ClusterMessageError("a \(what) longer than \(maxTextLength) bytes")
        }
    }
}

/// A worker's message that the master cannot accept; the master drops that worker and logs
/// this reason.
struct ClusterMessageError: Error, Sendable, Equatable, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
