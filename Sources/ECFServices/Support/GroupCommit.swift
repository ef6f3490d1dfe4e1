import Synchronization

/// Writes that arrive together committed together (group commit): while one group's transaction
/// runs, the items that arrive wait, and the next transaction takes all of them (at most
/// `atMost`). Each caller returns only once its own item is committed, so nothing acknowledged
/// is lost. If a group's write fails, each of its items is written again alone: one bad item
/// fails its own caller only. Groups under different keys (courts) are written independently.
///
/// A court's SQLite file has one connection, and a transaction holds it from its first statement
/// to its commit: one transaction per billed view was most of what a busy court's connection
/// did for a docket report (BENCHMARKS.md P1).
public final class GroupCommit<Key: Hashable & Sendable, Item: Sendable>: Sendable {
    struct Waiting {
        let item: Item
        let done: CheckedContinuation<Void, any Error>
    }

    private let queues = Mutex<[Key: [Waiting]]>([:])
    let atMost: Int

    public init(atMost: Int = 200) {
        self.atMost = atMost
    }

    /// Commits `item` with whatever else is waiting under `key`, through `write` (one transaction
    /// for the items it is given). The `write` of the caller that found the key's queue empty
    /// writes every group until the queue is empty again, so all writes under a key must do the
    /// same (ChargeView's: the court's billed views).
    public func commit(
        _ item: Item, under key: Key, write: @escaping @Sendable ([Item]) async throws -> Void
    ) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            // A key present in `queues` has a writer; the first to wait under an absent key starts it.
            let starts = queues.withLock { queues in
                let starts = queues[key] == nil
                queues[key, default: []].append(Waiting(item: item, done: done))
                return starts
            }
            if starts { Task { await self.writeGroups(under: key, write: write) } }
        }
    }

    private func writeGroups(under key: Key, write: @Sendable ([Item]) async throws -> Void) async {
        while let group = nextGroup(under: key) {
            do {
                try await write(group.map(\.item))
                for waiting in group { waiting.done.resume() }
            } catch {
                for waiting in group {
                    do {
                        try await write([waiting.item])
                        waiting.done.resume()
                    } catch {
                        waiting.done.resume(throwing: error)
                    }
                }
            }
        }
    }

    /// The items waiting under `key`, taken from its queue; nil, with the key's writer gone, when
    /// none are.
    private func nextGroup(under key: Key) -> [Waiting]? {
        queues.withLock { queues in
            guard let waiting = queues[key], !waiting.isEmpty else {
                queues[key] = nil
                return nil
            }
            queues[key] = Array(waiting.dropFirst(atMost))
            return Array(waiting.prefix(atMost))
        }
    }
}
