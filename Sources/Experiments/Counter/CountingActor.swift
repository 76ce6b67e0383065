/// The `actor` variant's counter: the actor's isolation serializes the increments.
actor CountingActor {
    private(set) var value = 0

    func increment() {
        value += 1
    }
}
