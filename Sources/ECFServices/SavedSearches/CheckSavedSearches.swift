import ECFDomain
import Foundation

/// The scheduler's pass over the saved searches that are due: each is run again over the
/// national index, and its owner mailed the hits not mailed before (new cases for a party, new
/// entries for docket text). The check and its mail commit together.
public struct CheckSavedSearches: Sendable {
    let context: AccountsContext
    let store: any SavedSearchStore
    let locator: any CaseLocator

    public init(_ context: AccountsContext, store: any SavedSearchStore, locator: any CaseLocator) {
        self.context = context
        self.store = store
        self.locator = locator
    }

    /// Checks up to `limit` due searches; the number checked.
    @discardableResult
    public func callAsFunction(limit: Int = 50) async throws -> Int {
        let due = try await store.due(at: context.clock.now, limit: limit)
        for search in due { try await check(search) }
        return due.count
    }

    struct Hit {
        let key: String
        let line: String
        let link: String
    }

    func check(_ search: SavedSearch) async throws {
        let now = context.clock.now
        let since = search.lastCheckedAt.addingTimeInterval(-SavedSearchPolicy.lookBack)
        let hits = try await hits(of: search, since: since).filter { !search.notified.contains($0.key) }
        var checked = search
        checked.lastCheckedAt = now
        checked.nextCheckAt = now.addingTimeInterval(SavedSearchPolicy.interval(search.frequency))
        checked.notified = Array((search.notified + hits.map(\.key)).suffix(SavedSearchPolicy.maximumNotifiedKept))
        var mail: OutboxMessage?
        if !hits.isEmpty, let account = try await context.store.account(search.accountID), account.status == .active {
            let id = context.ids.uuid()
            mail = try context.outbox(
                context.mails.savedSearchHits(
                    id, to: account, search: search,
                    hits: hits.prefix(SavedSearchPolicy.maximumHitsPerMail).map { ($0.line, $0.link) },
                    more: max(0, hits.count - SavedSearchPolicy.maximumHitsPerMail)),
                id: id)
        }
        try await store.recordCheck(checked, mail: mail)
    }

    func hits(of search: SavedSearch, since: Date) async throws -> [Hit] {
        let day = DateOnly(since, in: TimeZone(identifier: "Pacific/Honolulu")!)  // the earliest US court day
        switch search.kind {
        case .text:
            var query = DocketTextSearch(
                terms: DocketTextSearch.terms(search.query), filedFrom: day, order: .date,
                limit: DocketTextSearch.maximumLimit)
            query.terms = Array(query.terms.prefix(DocketTextSearch.maximumTerms))
            return try await locator.searchText(query).hits.filter { $0.dateFiled >= since }.map {
                Hit(
                    key: "\($0.court.rawValue):\($0.caseID.rawValue):\($0.seq)",
                    line:
                        "\($0.court.rawValue.uppercased()) \($0.caseNumber) \($0.caseTitle) — entry \($0.number.map(String.init) ?? "(unnumbered)"): \(String($0.text.prefix(300)))",
                    link: context.mails.links.docketReport($0.court, $0.caseID))
            }
        case .party:
            var query = CaseSearch()
            query.party = PartyNameKeys.normalize(search.query)
            query.filedFrom = day
            query.limit = CaseSearch.maximumLimit
            return try await locator.search(query).hits.map {
                Hit(
                    key: "\($0.court.rawValue):\($0.caseID.rawValue)",
                    line:
                        "\($0.court.rawValue.uppercased()) \($0.number) \($0.title), filed \($0.dateFiled?.description ?? "")",
                    link: context.mails.links.docketReport($0.court, $0.caseID))
            }
        }
    }
}
