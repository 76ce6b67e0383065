import Primitives
import Synchronization
import Testing

struct RendezvousChannelTests {
    @Test func sendWaitsUntilAReceiverTakesTheValue() async throws {
        let channel = RendezvousChannel<Int>()
        let flag = Flag()
        let sender = Task {
            try await channel.send(42)
            flag.isSet.store(true, ordering: .releasing)
        }
        for _ in 0..<100 { await Task.yield() }
        let hasSentEarly = flag.isSet.load(ordering: .acquiring)
        #expect(!hasSentEarly)
        #expect(await channel.receive() == 42)
        try await sender.value
        let hasSent = flag.isSet.load(ordering: .acquiring)
        #expect(hasSent)
    }

    @Test func pingPongKeepsOrder() async throws {
        let ping = RendezvousChannel<Int>()
        let pong = RendezvousChannel<Int>()
        let echo = Task {
            while let value = await ping.receive() { try await pong.send(value * 2) }
        }
        for value in 0..<1_000 {
            try await ping.send(value)
            #expect(await pong.receive() == value * 2)
        }
        ping.close()
        try await echo.value
    }

    @Test func deliversEveryValueExactlyOnceBetweenManySendersAndReceivers() async throws {
        let channel = RendezvousChannel<Int>()
        let senders = 8
        let perSender = 500
        let received = try await withThrowingTaskGroup(of: [Int].self) { group in
            for sender in 0..<senders {
                group.addTask {
                    for index in 0..<perSender { try await channel.send(sender * perSender + index) }
                    return []
                }
            }
            for _ in 0..<4 {
                group.addTask {
                    var values: [Int] = []
                    while let value = await channel.receive() { values.append(value) }
                    return values
                }
            }
            var all: [Int] = []
            var finishedSenders = 0
            while let values = try await group.next() {
                if values.isEmpty {
                    finishedSenders += 1
                    if finishedSenders == senders { channel.close() }
                }
                all += values
            }
            return all
        }
        #expect(received.sorted() == Array(0..<(senders * perSender)))
    }

    @Test func closeReleasesWaitingReceiversAndSenders() async throws {
        let channel = RendezvousChannel<Int>()
        let receiver = Task { await channel.receive() }
        for _ in 0..<50 { await Task.yield() }
        channel.close()
        #expect(await receiver.value == nil)
        #expect(channel.isClosed)
        await #expect(throws: RendezvousChannelClosedError.self) { try await channel.send(1) }
        #expect(await channel.receive() == nil)

        let other = RendezvousChannel<Int>()
        let sender = Task { try await other.send(7) }
        for _ in 0..<50 { await Task.yield() }
        other.close()
        await #expect(throws: RendezvousChannelClosedError.self) { try await sender.value }
    }
}

/// A flag a test's tasks share.
private final class Flag: Sendable {
    let isSet = Atomic<Bool>(false)
}
