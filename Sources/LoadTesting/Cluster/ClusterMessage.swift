import Foundation

/// What a worker sends the master over the cluster WebSocket, as JSON text frames.
enum WorkerMessage: Codable, Sendable, Equatable {
    /// The first message: who the worker is, what it speaks, and the token.
    case hello(body: WorkerHello)
    /// Every second, from a task that never runs on the load loops.
    case heartbeat(body: WorkerHeartbeat)
    /// Every second while running, and once more (`isFinal`) after a stop.
    case stats(body: IntervalStats)
    /// The worker cannot run its assignment (for example the target does not answer).
    case failed(body: WorkerFailure)
}

/// What the master sends a worker.
enum MasterMessage: Codable, Sendable, Equatable {
    /// The hello was accepted; `workerIndex` numbers the worker in the run's reports.
    case welcome(body: MasterWelcome)
    /// The hello was refused; the worker prints `reason` and exits with code 3.
    case refused(body: MasterRefusal)
    /// The users (or share of the arrival rate) to run now: absolute, idempotent, per epoch.
    case assign(body: WorkerAssignment)
    /// Stop the run of `epoch`: finish requests within `timeoutSeconds`, send final stats.
    case stop(body: StopOrder)
    /// The master is done: exit.
    case quit
}

struct WorkerHello: Codable, Sendable, Equatable {
    var protocolVersion: ClusterProtocolVersion
    /// The shared token (`--auth-token`), or nil.
    var token: String?
    /// Unique per worker process: host, process id and a random part.
    var workerID: String
    var host: String
    var processID: Int32
    var cores: Int
    var capabilities: [String]
    /// The epoch of the run this worker was running when it (re)connected, if any.
    var runningEpoch: Int?
}

struct WorkerHeartbeat: Codable, Sendable, Equatable {
    /// Users running (closed model) or requests in flight (open model).
    var users: Int
    /// CPU used over the last second, as a share of the worker's event-loop threads (0...1).
    var cpuUse: Double
    /// The worker process's peak resident memory in bytes.
    var peakMemoryBytes: UInt64
}

struct WorkerFailure: Codable, Sendable, Equatable {
    var epoch: Int
    var reason: String
}

struct MasterWelcome: Codable, Sendable, Equatable {
    var protocolVersion: ClusterProtocolVersion
    var workerIndex: Int
}

struct MasterRefusal: Codable, Sendable, Equatable {
    var protocolVersion: ClusterProtocolVersion
    var reason: String
}

struct StopOrder: Codable, Sendable, Equatable {
    var epoch: Int
    var timeoutSeconds: Double
}

/// Messages as JSON text.
enum ClusterCoding {
    /// The largest message either side accepts; a second's statistics of a worker stay far
    /// below it (sparse histograms).
    static let maxMessageBytes = 4 << 20

    static func encode(_ message: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // The messages hold only strings, numbers and arrays, which always encode.
        return String(decoding: (try? encoder.encode(message)) ?? Data(), as: UTF8.self)
    }

    static func decode<Message: Decodable>(_ type: Message.Type, from text: String) throws -> Message {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    /// The protocol version a hello announces, read even when the rest of the hello is of a
    /// layout this build does not know; nil when `text` is no hello at all.
    static func announcedVersion(in text: String) -> ClusterProtocolVersion? {
        struct Body: Decodable { var protocolVersion: ClusterProtocolVersion }
        struct Hello: Decodable { var body: Body }
        struct Envelope: Decodable { var hello: Hello }
        return (try? decode(Envelope.self, from: text))?.hello.body.protocolVersion
    }
}
