import ECFDomain
import Foundation

/// Saved searches, in the PSC's database.
public protocol SavedSearchStore: Sendable {
    func insert(_ search: SavedSearch) async throws
    /// The account's saved searches, oldest first.
    func searches(of account: AccountID) async throws -> [SavedSearch]
    /// Deletes the account's saved search; false when it has none with this id.
    func delete(_ id: UUID, of account: AccountID) async throws -> Bool
    /// The searches due for a check, soonest first.
    func due(at instant: Date, limit: Int) async throws -> [SavedSearch]
    /// Records a check, and enqueues its mail (if any) in the same transaction.
    func recordCheck(_ search: SavedSearch, mail: OutboxMessage?) async throws
}
