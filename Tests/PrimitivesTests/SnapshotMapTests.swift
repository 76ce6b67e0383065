@testable import Primitives
import Testing

/// What only the read-optimized map has to get right: readers of a published snapshot must see
/// every later write at once.
struct SnapshotMapTests {
    /// A map whose keys `0..<keyCount` (value `key`) are all in the published snapshot: reading
    /// every key twice makes at least as many misses as there are keys, which publishes.
    private func publishedMap(keyCount: Int = 100) -> SnapshotMap<Int, Int> {
        let map = SnapshotMap<Int, Int>()
        for key in 0..<keyCount { map.updateValue(key, forKey: key) }
        for _ in 0..<2 {
            for key in 0..<keyCount { _ = map.value(forKey: key) }
        }
        return map
    }

    /// Reads `key` on another task, which may well run on another thread.
    private func valueElsewhere(_ map: SnapshotMap<Int, Int>, forKey key: Int) async -> Int? {
        await Task.detached { map.value(forKey: key) }.value
    }

    @Test func replacedValuesAreSeenAtOnce() async {
        let map = publishedMap()
        for key in 0..<100 {
            #expect(map.updateValue(-key, forKey: key) == key)
            #expect(await valueElsewhere(map, forKey: key) == -key)
            #expect(map.value(forKey: key) == -key)
        }
        #expect(map.count == 100)
    }

    @Test func removalsAreSeenAtOnce() async {
        let map = publishedMap()
        for key in stride(from: 0, to: 100, by: 2) {
            #expect(map.removeValue(forKey: key) == key)
            #expect(await valueElsewhere(map, forKey: key) == nil)
            #expect(map.value(forKey: key) == nil)
        }
        #expect(map.count == 50)
        #expect(map.snapshot().keys.allSatisfy { $0 % 2 == 1 })
    }

    @Test func aRemovedPublishedKeyCanBeInsertedAgain() async {
        let map = publishedMap()
        #expect(map.removeValue(forKey: 7) == 7)
        #expect(map.insertValue(70, forKey: 7))
        #expect(!map.insertValue(700, forKey: 7))
        #expect(await valueElsewhere(map, forKey: 7) == 70)
        #expect(map.removeValue(forKey: 7) == 70)
        #expect(map.updateValue(71, forKey: 7) == nil)
        #expect(await valueElsewhere(map, forKey: 7) == 71)
        #expect(map.count == 100)
    }

    @Test func keysAddedAfterPublishingAreFoundAndLaterPublished() async {
        let map = publishedMap()
        for key in 100..<200 { map.updateValue(key, forKey: key) }
        for _ in 0..<3 {
            for key in 0..<200 { #expect(await valueElsewhere(map, forKey: key) == key) }
        }
        #expect(map.value(forKey: 500) == nil)
        #expect(map.count == 200)
        #expect(map.snapshot() == Dictionary(uniqueKeysWithValues: (0..<200).map { ($0, $0) }))
    }

    @Test func readersOfAPublishedMapSeeEveryReplacementInOrder() async {
        // One writer counts each key up; readers must never see a key's value go backwards
        // once they saw it (each write is seen at once, and by everyone).
        let map = publishedMap(keyCount: 16)
        let rounds = 300
        let regressions = await withTaskGroup(of: Int.self) { group in
            group.addTask {
                for round in 1...rounds {
                    for key in 0..<16 { map.updateValue(key + 16 * round, forKey: key) }
                }
                return 0
            }
            for _ in 0..<3 {
                group.addTask {
                    var seen = Array(0..<16)
                    var regressions = 0
                    for _ in 0..<rounds {
                        for key in 0..<16 {
                            guard let value = map.value(forKey: key) else { regressions += 1; continue }
                            if value < seen[key] || value % 16 != key { regressions += 1 }
                            seen[key] = value
                        }
                    }
                    return regressions
                }
            }
            return await group.reduce(0, +)
        }
        #expect(regressions == 0)
        #expect((0..<16).allSatisfy { map.value(forKey: $0) == $0 + 16 * rounds })
    }

    /// The writers' keys are spread over the table's parts, so a growing map rehashes a part at
    /// a time, never every key at once.
    @Test func theWritersKeysAreSpreadOverTheTablesParts() {
        let map = SnapshotMap<String, Int>()
        for key in 0..<6_400 { map.updateValue(key, forKey: "album-\(key)") }
        let sizes = map.writer.withLock { $0.cells.parts.map(\.count) }
        #expect(sizes.count == 64)
        #expect(sizes.reduce(0, +) == 6_400)
        #expect(sizes.max()! < 400)  // 100 on average; a single dictionary would hold 6,400
    }

    @Test func theCountFollowsInsertsAndRemovalsAcrossParts() {
        let map = publishedMap(keyCount: 1_000)
        for key in stride(from: 0, to: 1_000, by: 2) { map.removeValue(forKey: key) }
        #expect(!map.insertValue(-1, forKey: 1))
        #expect(map.insertValue(-2, forKey: 2))
        #expect(map.count == 501)
        #expect(map.value(forKey: 2) == -2)
        #expect(map.value(forKey: 4) == nil)
        #expect(map.snapshot().count == 501)
    }
}
