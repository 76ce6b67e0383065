import Testing

@testable import LoadTesting

/// How the master shares users and arrival rates among workers.
struct UserAllocationTests {
    private func allUsers(_ allocation: [String: [Int]]) -> [Int] {
        allocation.values.flatMap { $0 }.sorted()
    }

    @Test func usersAreSplitIntoEvenContiguousShares() {
        let allocation = UserAllocation.users(10, among: ["a", "b", "c"])
        #expect(allocation == ["a": [0, 1, 2, 3], "b": [4, 5, 6], "c": [7, 8, 9]])
    }

    @Test func allocatingAgainChangesNothing() {
        let first = UserAllocation.users(50, among: ["a", "b", "c", "d"])
        #expect(UserAllocation.users(50, among: ["a", "b", "c", "d"], keeping: first) == first)
    }

    @Test func aLostWorkersUsersGoToTheOthersWhoKeepTheirs() {
        let before = UserAllocation.users(9, among: ["a", "b", "c"])
        let after = UserAllocation.users(9, among: ["a", "c"], keeping: before)
        #expect(allUsers(after) == Array(0..<9))
        #expect(Set(before["a"]!).isSubset(of: Set(after["a"]!)))
        #expect(Set(before["c"]!).isSubset(of: Set(after["c"]!)))
        #expect(after.values.map(\.count).sorted() == [4, 5])
    }

    @Test func aJoiningWorkerTakesTheHighestUsersOfTheOthers() {
        let before = UserAllocation.users(8, among: ["a", "b"])
        let after = UserAllocation.users(8, among: ["a", "b", "c"], keeping: before)
        #expect(allUsers(after) == Array(0..<8))
        #expect(after["a"] == [0, 1, 2])
        #expect(after["b"] == [4, 5, 6])
        #expect(after["c"] == [3, 7])
    }

    @Test func moreWorkersThanUsersLeavesSomeIdle() {
        let allocation = UserAllocation.users(2, among: ["a", "b", "c"])
        #expect(allocation == ["a": [0], "b": [1], "c": []])
    }

    @Test func arrivalRatesAndConnectionsAddUpToTheWhole() {
        let shares = UserAllocation.arrivals(rate: 90, maxInFlight: 10, among: ["a", "b", "c"])
        #expect(shares.values.map(\.rate).reduce(0, +) == 90)
        #expect(shares.values.map(\.maxInFlight).reduce(0, +) == 10)
        #expect(shares["a"]?.firstSlotIndex == 0 && shares["b"]?.firstSlotIndex == 4 && shares["c"]?.firstSlotIndex == 7)
    }
}
