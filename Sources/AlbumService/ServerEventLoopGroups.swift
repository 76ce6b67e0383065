import NIOPosix
import Synchronization

/// The event-loop groups album servers run on: one per loop count, made on first use and kept
/// for the life of the process, as NIO's own singleton group is. Servers asking for the same
/// count (the tests' many servers, the study's runs) share its threads.
enum ServerEventLoopGroups {
    private static let groups = Mutex<[Int: MultiThreadedEventLoopGroup]>([:])

    /// The group with `loopCount` event loops (at least 1).
    static func group(loopCount: Int) -> MultiThreadedEventLoopGroup {
        precondition(loopCount >= 1, "an event-loop group needs at least one loop")
        return groups.withLock { groups in
            if let group = groups[loopCount] { return group }
            let group = MultiThreadedEventLoopGroup(numberOfThreads: loopCount)
            groups[loopCount] = group
            return group
        }
    }
}
