import FluentKit
import SQLKit

extension Database {
    /// Runs `body`, which writes in `statements` statements, all or none: on its own when it is
    /// one statement (atomic by itself, without a transaction's `BEGIN` and `COMMIT`, two more
    /// round trips to the connection's thread or server), else in a transaction.
    func allOrNone(
        statements: Int, _ body: @escaping @Sendable (any SQLDatabase) async throws -> Void
    ) async throws {
        guard statements > 1 else { return try await body(self as! any SQLDatabase) }
        try await transaction { transaction in try await body(transaction as! any SQLDatabase) }
    }
}
