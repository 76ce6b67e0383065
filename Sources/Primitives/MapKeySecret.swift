/// A random word each concurrent map draws when it is made, combined with its `Int` keys before
/// they are hashed (see `MapKey`), so that which keys collide differs from map to map and
/// cannot be known from outside.
@usableFromInline
struct MapKeySecret: Sendable {
    @usableFromInline let value: Int

    init() {
        var generator = SystemRandomNumberGenerator()
        value = Int(truncatingIfNeeded: generator.next())
    }
}
