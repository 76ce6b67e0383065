import Primitives
import Testing

struct ShardedMapTests {
    @Test func shardCountRoundsUpToAPowerOfTwo() {
        #expect(ShardedMap<Int, Int>(shardCount: 1).shardCount == 1)
        #expect(ShardedMap<Int, Int>(shardCount: 5).shardCount == 8)
        #expect(ShardedMap<Int, Int>(shardCount: 16).shardCount == 16)
        #expect(ShardedMap<Int, Int>().shardCount == ShardedMap<Int, Int>.defaultShardCount)
    }

    @Test(arguments: [1, 3, 64])
    func countAndSnapshotGatherEveryShard(shardCount: Int) {
        let map = ShardedMap<Int, Int>(shardCount: shardCount)
        for key in 0..<1_000 { map.updateValue(-key, forKey: key) }
        #expect(map.count == 1_000)
        #expect(map.snapshot() == Dictionary(uniqueKeysWithValues: (0..<1_000).map { ($0, -$0) }))
    }
}
