import ECFDomain
import Foundation

/// A PACER account's saved searches: made (checked the way the search itself reads them),
/// listed and deleted by their owner, signed in or with any API token.
public struct SavedSearches: Sendable {
    let context: AccountsContext
    let store: any SavedSearchStore
    let locator: any CaseLocator

    public init(_ context: AccountsContext, store: any SavedSearchStore, locator: any CaseLocator) {
        self.context = context
        self.store = store
        self.locator = locator
    }

    public func make(
        for claims: CSOClaims, name: String, kind kindName: String, query: String, frequency frequencyName: String
    ) async throws -> SavedSearch {
        var problems = SavedSearchPolicy.problems(name: name, query: query)
        let kind = SavedSearch.Kind(rawValue: kindName)
        if kind == nil { problems["kind"] = "Choose a party search or a docket text search." }
        let frequency = SavedSearch.Frequency(rawValue: frequencyName)
        if frequency == nil { problems["frequency"] = "Choose each filing or daily." }
        if problems["query"] == nil, let kind, let problem = Self.queryProblem(kind, query) {
            problems["query"] = problem
        }
        guard problems.isEmpty, let kind, let frequency else {
            throw AccountError(.invalid, "The search was not saved: check the fields marked.", fields: problems)
        }
        guard try await store.searches(of: claims.accountID).count < SavedSearchPolicy.maximumPerAccount else {
            throw AccountError(
                .invalid,
                "You have \(SavedSearchPolicy.maximumPerAccount) saved searches, the most an account may keep. Delete one first."
            )
        }
        let now = context.clock.now
        var search = SavedSearch(
            id: context.ids.uuid(), accountID: claims.accountID,
            name: name.trimmingCharacters(in: .whitespacesAndNewlines), kind: kind,
            query: query.trimmingCharacters(in: .whitespacesAndNewlines), frequency: frequency, createdAt: now,
            lastCheckedAt: now, nextCheckAt: now.addingTimeInterval(SavedSearchPolicy.interval(frequency)))
        // What the search finds today is known already: only what comes after is mailed.
        let checker = CheckSavedSearches(context, store: store, locator: locator)
        search.notified = try await checker.hits(of: search, since: now.addingTimeInterval(-SavedSearchPolicy.lookBack))
            .map(\.key)
        try await store.insert(search)
        return search
    }

    public func list(for claims: CSOClaims) async throws -> [SavedSearch] {
        try await store.searches(of: claims.accountID)
    }

    public func delete(_ id: UUID, for claims: CSOClaims) async throws {
        guard try await store.delete(id, of: claims.accountID) else {
            throw AccountError(.notFound, "You have no saved search with this id.")
        }
    }

    /// What is wrong with the words as the search itself would read them, if anything.
    static func queryProblem(_ kind: SavedSearch.Kind, _ query: String) -> String? {
        switch kind {
        case .party:
            if case .failure(let problems) = CaseSearch.read({ $0 == "party" ? query : nil }) {
                return problems["party"]
            }
        case .text:
            if case .failure(let problems) = DocketTextSearch.read({ $0 == "q" ? query : nil }) {
                return problems["q"]
            }
        }
        return nil
    }
}
