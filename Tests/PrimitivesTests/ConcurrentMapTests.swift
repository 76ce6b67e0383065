import Primitives
import Testing

/// The `ConcurrentMap` contract, checked for every strategy the CLI and the service offer.
struct ConcurrentMapTests {
    @Test(arguments: MapStrategy.allCases)
    func anEmptyMapHasNothing(strategy: MapStrategy) {
        let map = strategy.makeMap(of: Int.self, to: String.self)
        #expect(map.count == 0)
        #expect(map.value(forKey: 1) == nil)
        #expect(map.removeValue(forKey: 1) == nil)
        #expect(map.snapshot().isEmpty)
    }

    @Test(arguments: MapStrategy.allCases)
    func updateValueStoresAndReturnsWhatItReplaced(strategy: MapStrategy) {
        let map = strategy.makeMap(of: String.self, to: Int.self)
        #expect(map.updateValue(1, forKey: "a") == nil)
        #expect(map.updateValue(2, forKey: "a") == 1)
        #expect(map.updateValue(3, forKey: "b") == nil)
        #expect(map.value(forKey: "a") == 2)
        #expect(map.value(forKey: "b") == 3)
        #expect(map.count == 2)
    }

    @Test(arguments: MapStrategy.allCases)
    func insertValueStoresOnlyIntoAnAbsentKey(strategy: MapStrategy) {
        let map = strategy.makeMap(of: String.self, to: Int.self)
        #expect(map.insertValue(1, forKey: "a"))
        #expect(!map.insertValue(2, forKey: "a"))
        #expect(map.value(forKey: "a") == 1)
        #expect(map.count == 1)
    }

    @Test(arguments: MapStrategy.allCases)
    func removeValueReturnsTheValueOnce(strategy: MapStrategy) {
        let map = strategy.makeMap(of: String.self, to: Int.self)
        map.updateValue(1, forKey: "a")
        map.updateValue(2, forKey: "b")
        #expect(map.removeValue(forKey: "a") == 1)
        #expect(map.removeValue(forKey: "a") == nil)
        #expect(map.value(forKey: "a") == nil)
        #expect(map.count == 1)
        #expect(map.insertValue(3, forKey: "a"))
        #expect(map.value(forKey: "a") == 3)
        #expect(map.count == 2)
    }

    @Test(arguments: MapStrategy.allCases)
    func snapshotHoldsEveryEntry(strategy: MapStrategy) {
        let map = strategy.makeMap(of: Int.self, to: Int.self)
        for key in 0..<100 { map.updateValue(key * 2, forKey: key) }
        for key in stride(from: 0, to: 100, by: 3) { map.removeValue(forKey: key) }
        let expected = Dictionary(uniqueKeysWithValues: (0..<100).filter { $0 % 3 != 0 }.map { ($0, $0 * 2) })
        #expect(map.snapshot() == expected)
        #expect(map.count == expected.count)
    }

    @Test(arguments: MapStrategy.allCases)
    func concurrentWritersOfDistinctKeysLoseNothing(strategy: MapStrategy) async {
        let map = strategy.makeMap(of: Int.self, to: Int.self)
        let tasks = 8
        let keysPerTask = 500
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    for index in 0..<keysPerTask {
                        let key = task * keysPerTask + index
                        map.updateValue(key + 1, forKey: key)
                    }
                }
            }
        }
        #expect(map.count == tasks * keysPerTask)
        let expected = Dictionary(uniqueKeysWithValues: (0..<tasks * keysPerTask).map { ($0, $0 + 1) })
        #expect(map.snapshot() == expected)
    }

    @Test(arguments: MapStrategy.allCases)
    func concurrentInsertsOfTheSameKeySucceedExactlyOnce(strategy: MapStrategy) async {
        let map = strategy.makeMap(of: Int.self, to: Int.self)
        let tasks = 8
        let keys = 200
        let wins = await withTaskGroup(of: [(key: Int, task: Int)].self) { group in
            for task in 0..<tasks {
                group.addTask {
                    (0..<keys).filter { map.insertValue(task, forKey: $0) }.map { (key: $0, task: task) }
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(wins.count == keys)
        #expect(Set(wins.map(\.key)).count == keys)
        #expect(wins.allSatisfy { map.value(forKey: $0.key) == $0.task })
    }

    @Test(arguments: MapStrategy.allCases)
    func readersDuringWritesSeeOnlyWrittenValues(strategy: MapStrategy) async {
        // Key k only ever holds k * 1,000,000 + round; anything else was never written.
        let map = strategy.makeMap(of: Int.self, to: Int.self)
        let keys = 64
        let rounds = 50
        let wrongReads = await withTaskGroup(of: Int.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    for round in 0..<rounds {
                        for key in stride(from: writer, to: keys, by: 2) {
                            map.updateValue(key * 1_000_000 + round, forKey: key)
                            if round % 7 == 6 { map.removeValue(forKey: key) }
                        }
                    }
                    return 0
                }
            }
            for _ in 0..<4 {
                group.addTask {
                    var wrong = 0
                    for _ in 0..<rounds {
                        for key in 0..<keys {
                            if let value = map.value(forKey: key), value / 1_000_000 != key || value % 1_000_000 >= rounds {
                                wrong += 1
                            }
                        }
                    }
                    return wrong
                }
            }
            return await group.reduce(0, +)
        }
        #expect(wrongReads == 0)
        #expect(map.count == keys)
        #expect(map.snapshot() == Dictionary(uniqueKeysWithValues: (0..<keys).map { ($0, $0 * 1_000_000 + rounds - 1) }))
    }

    @Test(arguments: MapStrategy.allCases)
    func concurrentInsertsAndRemovalsKeepTheCount(strategy: MapStrategy) async {
        let map = strategy.makeMap(of: Int.self, to: Int.self)
        let tasks = 6
        let keysPerTask = 300
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    let keys = (task * keysPerTask)..<((task + 1) * keysPerTask)
                    for key in keys { _ = map.insertValue(key, forKey: key) }
                    for key in keys where key % 2 == 0 { map.removeValue(forKey: key) }
                }
            }
        }
        #expect(map.count == tasks * keysPerTask / 2)
        #expect(map.snapshot().keys.allSatisfy { $0 % 2 == 1 })
    }
}
