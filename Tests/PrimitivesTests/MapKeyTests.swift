@testable import Primitives
import Testing

struct MapKeyTests {
    @Test(arguments: [0, 1, -1, 42, Int.min, Int.max])
    func anIntKeyComesBackUnchanged(key: Int) {
        let secret = MapKeySecret()
        #expect(MapKey(key, secret).key(secret) == key)
    }

    @Test func aStringKeyIsStoredAsItIs() {
        let secret = MapKeySecret()
        #expect(MapKey("album-7", secret).stored == "album-7")
        #expect(MapKey("album-7", secret)._rawHashValue(seed: 5) == "album-7"._rawHashValue(seed: 5))
    }

    @Test func equalKeysHashAlikeAndDistinctKeysSpreadOverBuckets() {
        let secret = MapKeySecret()
        #expect(MapKey(7, secret) == MapKey(7, secret))
        #expect(MapKey(7, secret)._rawHashValue(seed: 3) == MapKey(7, secret)._rawHashValue(seed: 3))
        // 1,024 consecutive keys into 1,024 buckets: a usable hash fills well over half of them
        // (a uniformly random one fills about 63%).
        let buckets = Set((0..<1024).map { MapKey($0, secret)._rawHashValue(seed: 12345) & 1023 })
        #expect(buckets.count > 512)
    }

    @Test func theHashDependsOnTheDictionarySeed() {
        let secret = MapKeySecret()
        let underOneSeed = (0..<64).map { MapKey($0, secret)._rawHashValue(seed: 1) }
        let underAnother = (0..<64).map { MapKey($0, secret)._rawHashValue(seed: 2) }
        #expect(underOneSeed != underAnother)
    }

    @Test(arguments: MapStrategy.allCases)
    func everyMapHandsBackTheCallersIntKeys(strategy: MapStrategy) {
        let map = strategy.makeMap(of: Int.self, to: Int.self)
        let keys = [Int.min, -5, 0, 3, Int.max]
        for key in keys { map.updateValue(key, forKey: key) }
        #expect(map.snapshot() == Dictionary(uniqueKeysWithValues: keys.map { ($0, $0) }))
        for key in keys { #expect(map.value(forKey: key) == key) }
    }
}
