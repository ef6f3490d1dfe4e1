import Synchronization
import Testing

@testable import ECFServices

@Suite("Writes that arrive together are committed together")
struct GroupCommitTests {
    /// What a fake database committed: each group written, in order; a failed write leaves nothing.
    final class Committed: Sendable {
        let groups = Mutex<[[Int]]>([])
        let calls = Atomic<Int>(0)

        func write(_ items: [Int], failingOn bad: Int? = nil) async throws {
            if calls.add(1, ordering: .relaxed).newValue == 1 {
                // The first transaction takes a while: everyone else arrives meanwhile.
                try await Task.sleep(for: .milliseconds(50))
            }
            if let bad, items.contains(bad) { throw Refused() }
            groups.withLock { $0.append(items) }
        }

        var items: [Int] { groups.withLock { $0.flatMap { $0 } } }
    }

    struct Refused: Error {}

    /// A value the test's tasks share.
    final class Shared<Value: Sendable>: Sendable {
        let value: Mutex<Value>
        init(_ value: Value) { self.value = Mutex(value) }
    }

    @Test func everyCallerReturnsOnceItsItemIsCommittedAndTheLaterOnesShareATransaction() async throws {
        let commits = GroupCommit<String, Int>()
        let committed = Committed()
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            for item in 1...100 {
                tasks.addTask {
                    try await commits.commit(item, under: "nysd") { try await committed.write($0) }
                    #expect(committed.items.contains(item), "returned before its item was committed")
                }
            }
            try await tasks.waitForAll()
        }
        #expect(committed.items.sorted() == Array(1...100), "each item committed exactly once")
        let groups = committed.groups.withLock { $0 }
        #expect(groups.count < 10, "\(groups.count) transactions for 100 items arriving together")
    }

    @Test func aGroupThatFailsIsWrittenAgainOneByOneAndOnlyTheBadItemFails() async throws {
        let commits = GroupCommit<String, Int>()
        let committed = Committed()
        let outcomes = Shared<[Int: Bool]>([:])
        await withTaskGroup(of: Void.self) { tasks in
            for item in 1...20 {
                tasks.addTask {
                    let ok: Bool
                    do {
                        try await commits.commit(item, under: "nysd") { try await committed.write($0, failingOn: 13) }
                        ok = true
                    } catch {
                        ok = false
                    }
                    outcomes.value.withLock { $0[item] = ok }
                }
            }
        }
        let results = outcomes.value.withLock { $0 }
        #expect(results.filter { !$0.value }.map(\.key) == [13])
        #expect(committed.items.sorted() == Array(1...20).filter { $0 != 13 })
    }

    @Test func aGroupHoldsAtMostItsLimitAndKeysAreWrittenApart() async throws {
        let commits = GroupCommit<String, Int>(atMost: 7)
        let perCourt = Shared<[String: [[Int]]]>([:])
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            for item in 1...40 {
                let court = item % 2 == 0 ? "nysd" : "cacd"
                tasks.addTask {
                    try await commits.commit(item, under: court) { items in
                        try await Task.sleep(for: .milliseconds(5))
                        perCourt.value.withLock { $0[court, default: []].append(items) }
                    }
                }
            }
            try await tasks.waitForAll()
        }
        let groups = perCourt.value.withLock { $0 }
        #expect(groups["nysd"]?.flatMap { $0 }.sorted() == Array(stride(from: 2, through: 40, by: 2)))
        #expect(groups["cacd"]?.flatMap { $0 }.sorted() == Array(stride(from: 1, through: 39, by: 2)))
        #expect(groups.values.joined().allSatisfy { $0.count <= 7 })
    }
}
