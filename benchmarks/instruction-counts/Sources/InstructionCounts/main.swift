// The timed work of `scalelab experiment maps` (write, read) and `scalelab experiment handoff`
// (tasks-one-thread, tasks-pool), without the measuring and reporting around it:
//   InstructionCounts <write|read> <mutex|rwlock|sharded|snapshot> [tasks] [keys per task]
//   InstructionCounts <tasks-one-thread|tasks-pool> <round trips>
// The map work of each task runs in `mapTaskWork`, so `valgrind --toggle-collect=*mapTaskWork*`
// counts only the concurrent phase. A synchronous main keeps libdispatch's main-queue handling,
// which valgrind cannot run, out of the way.
import Dispatch
import Primitives

@inline(never)
func mapTaskWork<Map: ConcurrentMap<Int, Int>>(_ workload: String, task: Int, map: Map, tasks: Int, keysPerTask: Int) -> Int {
    var wrongReads = 0
    if workload == "write" {
        for index in 0..<keysPerTask {
            let key = task * keysPerTask + index
            map.updateValue(key + 1, forKey: key)
        }
    } else {
        for index in 0..<keysPerTask {
            let key = (task * 7919 + index) % (tasks * keysPerTask)
            if map.value(forKey: key) != key + 1 { wrongReads += 1 }
        }
    }
    return wrongReads
}

func runMaps<Map: ConcurrentMap<Int, Int>>(_ workload: String, on map: Map, tasks: Int, keysPerTask: Int) async {
    if workload == "read" {
        for key in 0..<tasks * keysPerTask { map.updateValue(key + 1, forKey: key) }
    }
    let wrongReads = await withTaskGroup(of: Int.self) { group in
        for task in 0..<tasks {
            group.addTask { mapTaskWork(workload, task: task, map: map, tasks: tasks, keysPerTask: keysPerTask) }
        }
        return await group.reduce(0, +)
    }
    precondition(wrongReads == 0 && map.count == tasks * keysPerTask, "the map lost or garbled entries")
}

func runHandoff(roundtrips: Int) async throws {
    let ping = RendezvousChannel<Int>()
    let pong = RendezvousChannel<Int>()
    try await withThrowingTaskGroup(of: Int.self) { group in
        group.addTask {
            var answered = 0
            while let token = await ping.receive() {
                try await pong.send(token)
                answered += 1
            }
            return answered
        }
        for token in 0..<roundtrips {
            try await ping.send(token)
            _ = await pong.receive()
        }
        ping.close()
        let answered = try await group.next()
        precondition(answered == roundtrips, "round trips were lost")
    }
}

func run(_ arguments: [String]) async throws {
    let number = { (index: Int, default: Int) in arguments.count > index ? Int(arguments[index])! : `default` }
    switch arguments.first {
    case "write", "read":
        let tasks = number(2, 50)
        let keysPerTask = number(3, 1000)
        let workload = arguments[0]
        switch arguments.count > 1 ? arguments[1] : "" {
        case "mutex": await runMaps(workload, on: MutexMap<Int, Int>(), tasks: tasks, keysPerTask: keysPerTask)
        case "rwlock": await runMaps(workload, on: ReadWriteLockedMap<Int, Int>(), tasks: tasks, keysPerTask: keysPerTask)
        case "sharded": await runMaps(workload, on: ShardedMap<Int, Int>(), tasks: tasks, keysPerTask: keysPerTask)
        case "snapshot": await runMaps(workload, on: SnapshotMap<Int, Int>(), tasks: tasks, keysPerTask: keysPerTask)
        default: fatalError("usage: InstructionCounts <write|read> <mutex|rwlock|sharded|snapshot> [tasks] [keys per task]")
        }
    case "tasks-one-thread":
        try await SingleThreadExecutor.withExecutor { executor in
            try await withTaskExecutorPreference(executor) { try await runHandoff(roundtrips: number(1, 100_000)) }
        }
    case "tasks-pool":
        try await runHandoff(roundtrips: number(1, 100_000))
    default:
        fatalError("usage: InstructionCounts <write|read> <map> [tasks] [keys per task] | <tasks-one-thread|tasks-pool> <round trips>")
    }
}

let finished = DispatchSemaphore(value: 0)
let arguments = Array(CommandLine.arguments.dropFirst())
Task.detached {
    try await run(arguments)
    finished.signal()
}
finished.wait()
