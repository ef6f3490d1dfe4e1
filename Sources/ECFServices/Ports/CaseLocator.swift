import ECFDomain
import Foundation

/// How a court tells the national case locator about a case (in one process a direct call into
/// the PSC's database; federated, a request to the PSC). Publishing the same record again changes
/// nothing, so a retried delivery is harmless.
public protocol LocatorFeed: Sendable {
    /// The case, its party names and all its public entries, replacing what was there.
    func publish(_ record: LocatorRecord, at instant: Date) async throws
    /// Some entries of a case as they are now, by sequence number; `nil` removes one (it was
    /// sealed or restricted).
    func publish(entries: [Int: LocatorEntry?], court: CourtID, caseID: CaseID) async throws
}

/// The national case locator's index at the PSC.
public protocol CaseLocator: LocatorFeed {
    /// Every court's cases matching the search, newest first (sealed ones by number only).
    func search(_ search: CaseSearch) async throws -> CaseSearchPage
    /// Every court's public entries whose docket text matches.
    func searchText(_ search: DocketTextSearch) async throws -> DocketTextPage
}
