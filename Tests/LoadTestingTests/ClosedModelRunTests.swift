import Foundation
import Synchronization
import Testing

@testable import LoadTesting

extension TargetRunTests {
    /// Runs of the closed model against the in-process target, a second or two each.
    struct ClosedModelRunTests {
        private func configuration(
            _ target: TargetAddress, client: ClientKind = .fast, users: Int = 4, spawnRate: Double = 100,
            runTime: Duration = .seconds(1), stopTimeout: Duration = .seconds(1), requestTimeout: Duration = .seconds(5)
        ) -> LoadConfiguration {
            LoadConfiguration(
                target: target, client: client, shape: .closed(users: users, spawnRate: spawnRate), runTime: runTime,
                stopTimeout: stopTimeout, requestTimeout: requestTimeout, eventLoopThreads: 2
            )
        }

        @Test(arguments: ClientKind.allCases)
        func countsEqualTheRequestsTheServerSaw(client: ClientKind) async throws {
            let server = TestTarget()
            // Users finish the request they are in at the end, however busy the machine is: the
            // stop timeout only bounds the wait, so a long one keeps every request recorded.
            let snapshot = try await server.serve { target, _ in
                try await LoadRunner(scenario: .albums, configuration: configuration(target, client: client, stopTimeout: .seconds(60))).run()
            }
            let byName = Dictionary(uniqueKeysWithValues: snapshot.endpoints.map { ("\($0.stats.method) \($0.stats.name)", $0.stats) })
            #expect(snapshot.aggregated.stats.requests > 0)
            #expect(snapshot.aggregated.stats.failures == 0)
            #expect(snapshot.droppedInFlight == 0)
            #expect(Int(snapshot.aggregated.stats.requests) == server.totalRequestsSeen)
            #expect(Int(byName["GET /albums"]?.requests ?? 0) == server.requestsSeen["GET /albums", default: 0])
            #expect(Int(byName["POST /albums"]?.requests ?? 0) == server.requestsSeen["POST /albums", default: 0])
            // The 3:1 weights hold within four standard deviations of a binomial draw.
            let count = Double(snapshot.aggregated.stats.requests)
            let getShare = Double(byName["GET /albums"]?.requests ?? 0) / count
            #expect(abs(getShare - 0.75) < 4 * (0.75 * 0.25 / count).squareRoot())
            let stats = snapshot.aggregated.stats
            #expect(stats.percentileMilliseconds(50) <= stats.percentileMilliseconds(99))
            #expect(stats.percentileMilliseconds(100) <= stats.maxMilliseconds)
            #expect(stats.averageContentBytes > 0)
        }

        /// Driven by a virtual clock: users start exactly at the spawn rate, the run ends exactly
        /// at its run time, and requests still in flight then (a route that answers only when the
        /// target stops) are counted as not recorded when the stop timeout is 0.
        @Test func spawnRateRunTimeAndRequestsInFlightAtTheStop() async throws {
            let server = TestTarget()
            let slowUser = UserType("slow", tasks: [LoadTask(LoadRequest(path: "/slow"))])
            let snapshot = try await server.serve { target, _ in
                try await LoadRunner(
                    scenario: Scenario(name: "slow", userTypes: [slowUser]),
                    configuration: configuration(target, users: 6, spawnRate: 4, runTime: .seconds(2), stopTimeout: .zero)
                ).run(clock: VirtualClock())
            }
            #expect(snapshot.elapsedSeconds == 2)
            #expect(snapshot.users == 6)
            // Users start at 0, 0.25, 0.5, 0.75 and 1 s: five in the first second.
            #expect(snapshot.history.map(\.users) == [5, 6])
            #expect(snapshot.history.map(\.elapsedSeconds) == [1, 2])
            #expect(snapshot.aggregated.stats.requests == 0)
            #expect(snapshot.droppedInFlight == 6)
            #expect(LoadReportText.warnings(snapshot).contains {
                $0.hasPrefix("6 requests in flight at the stop were not recorded; --stop-timeout lets them finish")
            })
        }

        /// The generator's CPU use is its event-loop threads' own: another thread of the process
        /// (the study's in-process service, here a thread that spins) does not count. Its one
        /// user waits on a route that answers only when the target stops, so it is idle.
        @Test func theGeneratorsCPUUseLeavesOutTheProcesssOtherThreads() async throws {
            let spinning = Atomic<Bool>(true)
            let spinner = Thread { while spinning.load(ordering: .relaxed) {} }
            spinner.start()
            defer { spinning.store(false, ordering: .relaxed) }
            let slowUser = UserType("slow", tasks: [LoadTask(LoadRequest(path: "/slow"))])
            let snapshot = try await TestTarget().serve { target, _ in
                var configuration = configuration(target, users: 1, runTime: .seconds(2), stopTimeout: .zero)
                configuration.eventLoopThreads = 1
                return try await LoadRunner(scenario: Scenario(name: "slow", userTypes: [slowUser]), configuration: configuration).run()
            }
            #expect(snapshot.history.count == 2)
            #expect(snapshot.history.allSatisfy { $0.generatorCPUUse < 0.25 }, "\(snapshot.history.map(\.generatorCPUUse))")
        }

        /// Resized while it runs (the web UI's Edit): more users start at the new spawn rate from
        /// the moment of the resize, and fewer stop the highest-numbered ones.
        @Test func aResizeStartsOrStopsTheDifference() async throws {
            let control = LoadControl()
            let snapshot = try await TestTarget().serve { target, _ in
                try await LoadRunner(
                    scenario: .albums, configuration: configuration(target, users: 2, spawnRate: 4, runTime: .seconds(3), stopTimeout: .zero)
                ).run(clock: VirtualClock(), control: control) { snapshot in
                    switch snapshot.elapsedSeconds {
                    case 1: control.resize(users: 6, spawnRate: 4)
                    case 2: control.resize(users: 1, spawnRate: 4)
                    default: break
                    }
                }
            }
            // 2 users by 1 s; then users 2...5 start at 1, 1.25, 1.5 and 1.75 s.
            #expect(snapshot.history.prefix(2).map(\.users) == [2, 6])
            #expect(snapshot.users == 1)
        }

        /// Users alternate at random between a route that answers at once and one that never
        /// answers while the run lasts: the slow requests fail at the 0.5 s timeout with that
        /// reason, and the users go on.
        @Test(arguments: ClientKind.allCases)
        func requestsOverTheTimeoutFailAndTheUserGoesOn(client: ClientKind) async throws {
            let server = TestTarget()
            let user = UserType("user", tasks: [
                LoadTask(LoadRequest(path: "/albums")), LoadTask(LoadRequest(path: "/slow")),
            ])
            let snapshot = try await server.serve { target, _ in
                try await LoadRunner(
                    scenario: Scenario(name: "timeouts", userTypes: [user]),
                    configuration: configuration(target, client: client, runTime: .seconds(2), requestTimeout: .milliseconds(500))
                ).run()
            }
            let byName = Dictionary(uniqueKeysWithValues: snapshot.endpoints.map { ($0.stats.name, $0.stats) })
            let slow = try #require(byName["/slow"])
            let fast = try #require(byName["/albums"])
            #expect(Set(snapshot.failures.map(\.reason)) == ["timeout: no response within 0.5 s"])
            #expect(slow.requests >= 1 && slow.failures == slow.requests)
            // No request fails before its timeout; how late a timeout fires on a busy machine is
            // the scheduler's business, so there is no upper bound here.
            #expect(slow.minMilliseconds >= 500)
            #expect(fast.requests > fast.failures)  // on a loaded machine even these can time out
        }

        @Test func serverErrorsAreFailuresWithTheirReason() async throws {
            let server = TestTarget(behavior: .serverError)
            let snapshot = try await server.serve { target, _ in
                try await LoadRunner(scenario: .albums, configuration: configuration(target)).run()
            }
            let stats = snapshot.aggregated.stats
            #expect(stats.requests > 0 && stats.failures == stats.requests)
            let reasons = Set(snapshot.failures.map(\.reason))
            #expect(reasons == ["unexpected status 500 (expected 200)", "unexpected status 500 (expected 201)"])
            #expect(snapshot.failures.reduce(0) { $0 + $1.occurrences } == stats.failures)
        }

        /// The target is stopped once the first second's statistics show requests: from then on
        /// requests fail with connection errors, and the run goes on to its end.
        @Test func aTargetStoppedMidRunGivesConnectionFailuresAndTheRunGoesOn() async throws {
            let server = TestTarget()
            let stopped = Atomic<Bool>(false)
            let snapshot = try await server.serve { target, stop in
                let runner = LoadRunner(scenario: .albums, configuration: configuration(target, runTime: .seconds(3)))
                return try await runner.run { second in
                    if second.aggregated.stats.requests > 0, !stopped.exchange(true, ordering: .relaxed) { stop() }
                }
            }
            let stats = snapshot.aggregated.stats
            #expect(stats.requests > stats.failures && stats.failures > 0)
            #expect(snapshot.failures.allSatisfy { $0.reason.hasPrefix("connection error") })
        }

        @Test func aTargetDownAtStartGivesOneClearError() async throws {
            let target = try TargetAddress(parsing: "http://127.0.0.1:9")
            await #expect(throws: LoadTestError.self) {
                try await LoadRunner(scenario: .albums, configuration: configuration(target)).run()
            }
            do {
                _ = try await LoadRunner(scenario: .albums, configuration: configuration(target)).run()
            } catch {
                #expect(String(describing: error).contains("Cannot connect to http://127.0.0.1:9"))
            }
        }

        /// Cancelled once the first second's statistics show requests, a 30 s run ends early and
        /// still returns what it measured.
        @Test func cancellingTheRunStopsItEarlyWithResults() async throws {
            let server = TestTarget()
            let snapshot = try await server.serve { target, _ in
                let (seconds, tick) = AsyncStream<Void>.makeStream()
                let run = Task {
                    defer { tick.finish() }
                    let runner = LoadRunner(scenario: .albums, configuration: configuration(target, runTime: .seconds(30)))
                    return try await runner.run { second in
                        if second.aggregated.stats.requests > 0 { tick.yield() }
                    }
                }
                var iterator = seconds.makeAsyncIterator()
                _ = await iterator.next()
                run.cancel()
                return try await run.value
            }
            #expect(snapshot.elapsedSeconds < 30)
            #expect(snapshot.aggregated.stats.requests > 0)
        }
    }
}
