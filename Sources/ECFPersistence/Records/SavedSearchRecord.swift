import ECFDomain
import FluentKit
import Foundation

final class SavedSearchRecord: Model, @unchecked Sendable {
    static let schema = "saved_searches"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @Field(key: "query") var query: String
    @Field(key: "frequency") var frequency: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_checked_at") var lastCheckedAt: Date
    @Field(key: "next_check_at") var nextCheckAt: Date
    /// The already-mailed hits, newline-separated.
    @Field(key: "notified") var notified: String

    init() {}

    init(_ search: SavedSearch) {
        id = search.id
        apply(search)
    }

    func apply(_ search: SavedSearch) {
        accountID = search.accountID.rawValue
        name = search.name
        kind = search.kind.rawValue
        query = search.query
        frequency = search.frequency.rawValue
        createdAt = search.createdAt
        lastCheckedAt = search.lastCheckedAt
        nextCheckAt = search.nextCheckAt
        notified = search.notified.joined(separator: "\n")
    }

    func domain() throws -> SavedSearch {
        guard let id, let kind = SavedSearch.Kind(rawValue: kind),
            let frequency = SavedSearch.Frequency(rawValue: frequency)
        else { throw PersistenceError.corruptRow(table: Self.schema, detail: id?.uuidString ?? "?") }
        return SavedSearch(
            id: id, accountID: AccountID(accountID), name: name, kind: kind, query: query, frequency: frequency,
            createdAt: createdAt, lastCheckedAt: lastCheckedAt, nextCheckAt: nextCheckAt,
            notified: notified.split(separator: "\n").map(String.init))
    }
}
