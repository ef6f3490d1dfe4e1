/// How many messages wait in all outboxes together, for `/metrics`.
public struct OutboxBacklog: Sendable {
    let directory: any OutboxDirectory

    public init(directory: any OutboxDirectory) {
        self.directory = directory
    }

    public func callAsFunction() async throws -> Int {
        var total = 0
        for (_, store) in try await directory.outboxes() {
            total += try await store.backlog()
        }
        return total
    }
}
