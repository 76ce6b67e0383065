import Foundation
import HummingbirdWSClient
import Logging
import NIOPosix

/// A worker of a distributed load test (`scalelab load --worker`): connects to the master,
/// runs the users it is assigned, and reports every second. It needs nothing but the master's
/// address (and the token): the scenario and every load option come from the master.
///
/// The connection to the master, its heartbeats and statistics messages run on their own
/// event-loop thread and tasks, never on the load's event loops, so a worker whose load
/// saturates its loops is not mistaken for a lost one. When the connection drops, the worker
/// stops its load at once and connects again.
public struct ClusterWorker: Sendable {
    public struct Options: Sendable {
        public var masterHost: String
        public var masterPort: Int
        public var token: String?
        /// Event-loop threads that run the users on this machine.
        public var threads: Int
        /// How long to keep trying to reach the master, at the start and after losing it.
        public var masterMaxWait: Duration

        public init(masterHost: String, masterPort: Int, token: String?, threads: Int, masterMaxWait: Duration = .seconds(60)) {
            self.masterHost = masterHost
            self.masterPort = masterPort
            self.token = token
            self.threads = threads
            self.masterMaxWait = masterMaxWait
        }
    }

    public let options: Options
    /// This worker's id in the master's reports: host, process id and a random part.
    public let id: String
    /// Scenarios written in Swift that a master may name (as with `ScenarioChoice(named:)`).
    public let scenarios: [String: Scenario]

    /// A worker with `options` that also knows `scenarios` by their names, beside the built-in ones.
    public init(options: Options, scenarios: [Scenario] = []) {
        self.options = options
        self.scenarios = Dictionary(scenarios.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let host = ProcessInfo.processInfo.hostName
        self.id = "\(host)-\(ProcessInfo.processInfo.processIdentifier)-\(String(UInt16.random(in: .min ... .max), radix: 16))"
    }

    /// Serves the master until it says the session is over. Throws `ClusterError` when the
    /// master cannot be reached within `masterMaxWait`, or refuses this worker.
    public func run(log: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        let control = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            try await serve(on: control, log: log)
            try? await control.shutdownGracefully()
        } catch {
            try? await control.shutdownGracefully()
            throw error
        }
    }

    private func serve(on control: MultiThreadedEventLoopGroup, log: @escaping @Sendable (String) -> Void) async throws {
        let clock = ContinuousClock()
        var deadline = clock.now + options.masterMaxWait
        var lastProblem = "no answer"
        var epoch: Int? = nil
        while true {
            let (messages, outbound) = AsyncStream<WorkerMessage>.makeStream()
            let agent = WorkerAgent(threads: options.threads, scenarios: scenarios, outbound: outbound, log: log)
            do {
                try await connect(on: control, agent: agent, messages: messages, outbound: outbound, runningEpoch: epoch)
                lastProblem = "the connection closed"
            } catch {
                lastProblem = "\(error)"
            }
            epoch = await agent.runningEpoch
            await agent.abandon()
            if let refusal = await agent.refusal { throw ClusterError.refused(reason: refusal) }
            if await agent.hasQuit { return }
            if await agent.didConnect {
                log("Lost the master (\(lastProblem)); connecting again.")
                deadline = clock.now + options.masterMaxWait
            }
            guard clock.now < deadline, !Task.isCancelled else {
                throw ClusterError.masterUnreachable(
                    host: options.masterHost, port: options.masterPort, waited: options.masterMaxWait, reason: lastProblem)
            }
            try? await clock.sleep(for: .milliseconds(500))
        }
    }

    private func connect(
        on control: MultiThreadedEventLoopGroup, agent: WorkerAgent, messages: AsyncStream<WorkerMessage>,
        outbound: AsyncStream<WorkerMessage>.Continuation, runningEpoch: Int?
    ) async throws {
        let host = options.masterHost.contains(":") ? "[\(options.masterHost)]" : options.masterHost
        let hello = WorkerHello(
            protocolVersion: .current, token: options.token, workerID: id, host: ProcessInfo.processInfo.hostName,
            processID: ProcessInfo.processInfo.processIdentifier, cores: ProcessInfo.processInfo.activeProcessorCount,
            capabilities: ClusterProtocolVersion.capabilities, runningEpoch: runningEpoch
        )
        let threads = options.threads
        try await WebSocketClient.connect(
            url: "ws://\(host):\(options.masterPort)\(ClusterMaster.webSocketPath)",
            configuration: .init(maxFrameSize: ClusterCoding.maxMessageBytes, autoPing: .disabled),
            eventLoopGroup: control,
            logger: Logger(label: "scalelab-worker", factory: { _ in SwiftLogNoOpLogHandler() })
        ) { inbound, writer, _ in
            await agent.markConnected()
            outbound.yield(.hello(body: hello))
            await withTaskGroup(of: Void.self) { group in
                // The only writer: messages go out in the order they were queued.
                group.addTask {
                    for await message in messages {
                        do {
                            try await writer.write(.text(ClusterCoding.encode(message)))
                        } catch {
                            break
                        }
                    }
                }
                group.addTask {
                    var cpu = CPUMeter(cpuSeconds: CPUMeter.processSeconds())
                    let clock = ContinuousClock()
                    while !Task.isCancelled {
                        try? await clock.sleep(for: .seconds(1))
                        let beat = WorkerHeartbeat(
                            users: await agent.concurrency, cpuUse: cpu.use(cpuSeconds: CPUMeter.processSeconds(), ofThreads: threads),
                            peakMemoryBytes: ProcessMemory.peakResidentBytes())
                        outbound.yield(.heartbeat(body: beat))
                    }
                }
                group.addTask {
                    let clock = ContinuousClock()
                    while !Task.isCancelled {
                        try? await clock.sleep(for: .seconds(1))
                        await agent.sendStatistics()
                    }
                }
                group.addTask {
                    do {
                        for try await message in inbound.messages(maxSize: ClusterCoding.maxMessageBytes) {
                            guard case .text(let text) = message,
                                let decoded = try? ClusterCoding.decode(MasterMessage.self, from: text)
                            else { continue }
                            await agent.handle(decoded)
                            if case .refused = decoded { return }
                            if case .quit = decoded { return }
                        }
                    } catch {}
                }
                // The connection ended (or the master said quit or refused): end the rest.
                await group.next()
                group.cancelAll()
                outbound.finish()
            }
        }
    }
}
