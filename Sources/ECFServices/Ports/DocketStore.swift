import ECFDomain
import Foundation

/// A court's cases and docket, in the court's database.
public protocol DocketStore: Sendable {
    func courtCase(_ id: CaseID) async throws -> CourtCase?
    /// The case with its docket revision, read together (a docket report needs both). The
    /// revision is raised in the same transaction by every change to the case's entries or their
    /// documents (a new entry, new text, striking, a restriction), so that a docket rendered at
    /// one revision is current while the revision stays the same. Nil: no such case.
    func courtCaseAndRevision(_ id: CaseID) async throws -> (courtCase: CourtCase, docketRevision: Int64)?
    /// The case with this number, judges' initials or not (`2:26-cv-00001`).
    func courtCase(number: CaseNumber) async throws -> CourtCase?
    /// The cases where this account is attorney of record or party, newest first.
    func cases(participatedBy account: CourtAccountID) async throws -> [CourtCase]
    /// The fee paid for an entry, if one was.
    func payment(of caseID: CaseID, seq: Int) async throws -> Payment?
    /// Every entry of the case in sequence order, with its documents.
    func entries(of caseID: CaseID) async throws -> [DocketEntry]
    /// A page of the case's entries the filter admits, with their documents, after the entry with
    /// sequence number `after` (in the filter's order: oldest or newest first).
    func entries(of caseID: CaseID, _ filter: DocketFilter, zone: TimeZone, after: Int?, limit: Int) async throws
        -> [DocketEntry]
    /// One entry of the case, with its documents.
    func entry(_ caseID: CaseID, seq: Int) async throws -> DocketEntry?
    func parties(of caseID: CaseID) async throws -> [Party]
    /// The entry a filing with this idempotency key made, if one did.
    func filing(forKey key: String) async throws -> DocketEntry?
    /// A document with the entry it belongs to.
    func document(_ id: DocumentID) async throws -> (document: DocketDocument, entry: DocketEntry)?
    func participations(of caseID: CaseID) async throws -> [Participation]
    /// The accounts subscribed to the case's notices (media e-service).
    func subscribers(of caseID: CaseID) async throws -> [CourtAccountID]
    /// The cases an account follows, newest first.
    func subscribedCases(of account: CourtAccountID) async throws -> [CourtCase]
    /// Subscribes or unsubscribes an account; `false` when it already was (or was not).
    func setSubscription(_ caseID: CaseID, account: CourtAccountID, subscribed: Bool, at instant: Date) async throws
        -> Bool
    /// The free look of this number for this document (a number is unique per document only).
    func freeLook(_ magicNumber: String, of document: DocumentID) async throws -> FreeLook?
    /// Marks a free look used; `false` when someone used it already (the first view wins).
    func useFreeLook(_ magicNumber: String, of document: DocumentID, at instant: Date, from client: String)
        async throws -> Bool
    /// Who was served each entry of the case, with what the outbox says of each message.
    func serviceRecords(of caseID: CaseID) async throws -> [ServiceRecord]
    /// Entries waiting for a daily summary, from court days up to `day` (`YYYY-MM-DD`).
    func pendingSummaries(through day: String) async throws -> [SummaryItem]
    /// The court's (or one case's) latest public entries in public cases, newest first, with their
    /// public documents; only of these events, and filed in this span, when given; after the
    /// entry a previous page ended with, when given.
    func publicEntries(
        limit: Int, in caseID: CaseID?, events: [String]?, filed: Range<Date>?, after: (caseID: CaseID, seq: Int)?
    ) async throws -> [(courtCase: CourtCase, entry: DocketEntry)]
    /// The court's cases matching the search, newest first; `seesSealed` for court staff (others
    /// find a sealed case only by number or date, and see only its number).
    func searchCases(_ search: CaseSearch, court: CourtID, seesSealed: Bool) async throws -> CaseSearchPage
    /// The court's entries whose docket text matches; `seesRestricted` for court staff (everyone
    /// else finds only public entries of public cases).
    func searchText(_ search: DocketTextSearch, court: CourtID, seesRestricted: Bool) async throws
        -> DocketTextPage
    /// Whether the court exempted this PACER account from fees.
    func feeExempt(_ account: AccountID) async throws -> Bool
    /// A billable view recorded here, by its key (a bought document is opened with it).
    func view(_ key: String) async throws -> RecordedView?
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any DocketTransaction) async throws -> T) async throws
        -> T
}

/// The writes of one filing, all in one transaction.
public protocol DocketTransaction: Sendable {
    /// Takes the case's next entry number and sequence number. It is the transaction's first
    /// write, so it locks the case: concurrent filings wait for each other and numbers never repeat
    /// or leave a gap (a rolled-back filing gives its number back).
    func nextNumbers(of caseID: CaseID, numbered: Bool) async throws -> (seq: Int, number: Int?)
    /// The next five-digit sequence for a new case of this office, year and type.
    func nextCaseSequence(office: Int, year: Int, type: CaseType) async throws -> Int
    /// The next number for a document id of this court.
    func nextDocumentNumber() async throws -> Int64
    /// Stores a new case and returns its id.
    func insert(caseWithNumber number: CaseNumber, _ draft: CourtCase) async throws -> CaseID
    func insert(_ entry: DocketEntry) async throws
    /// Stores a new party and returns its id.
    func insert(party name: String, type: PartyType, in caseID: CaseID) async throws -> Int64
    func insert(_ participation: Participation) async throws
    /// Replaces an entry's text, keeping the text it had; returns `false` when there is no such entry.
    func replaceText(of caseID: CaseID, seq: Int, with text: String, at instant: Date, by actor: String) async throws
        -> Bool
    func strike(_ caseID: CaseID, seq: Int, at instant: Date) async throws -> Bool
    /// Marks a party of the case terminated on a day (`nil` undoes it); `false` when the case has
    /// no such party.
    func terminate(party: Int64, in caseID: CaseID, on day: DateOnly?) async throws -> Bool
    /// Sets the restriction of an entry and of its documents.
    func restrict(_ caseID: CaseID, seq: Int, to restriction: Restriction) async throws -> Bool
    func restrict(_ caseID: CaseID, to restriction: Restriction) async throws -> Bool
    /// Sets the restriction of one document of the case; `false` when the case has no such document.
    func restrict(document: DocumentID, in caseID: CaseID, to restriction: Restriction) async throws -> Bool
    /// Records the idempotency key of the filing that made this entry; throws when the key is
    /// already taken (a concurrent duplicate), which rolls the filing back.
    func remember(_ entry: DocketEntry, forKey key: String) async throws
    /// Records the fee paid for the entry (the filer's receipt and the court's ledger).
    func insert(_ payment: Payment, for entry: DocketEntry, by account: CourtAccountID) async throws
    func enqueue(_ message: OutboxMessage) async throws
    /// The active webhooks that watch this case: its own and the court's public feed.
    func webhooks(watching caseID: CaseID) async throws -> [(id: WebhookID, courtWide: Bool)]
    func insert(_ freeLooks: [FreeLook]) async throws
    func insert(_ records: [ServiceRecord]) async throws
    /// Stores the body a filing's notices share, queued in the same transaction.
    func insert(_ body: SharedMailBody) async throws
    func insert(_ item: SummaryItem) async throws
    /// Records billable views (the court's copy; the PSC's ledger gets each through the outbox,
    /// its messages queued with `enqueue(_:)`): a group committed together, in few statements.
    func insert(_ views: [(charge: AccessCharge, document: DocumentID?, caseID: CaseID?)]) async throws
    /// Queues several messages at once.
    func enqueue(_ messages: [OutboxMessage]) async throws
    /// Grants (with a reason) or revokes (nil) a PACER account's fee exemption in this court.
    func setFeeExemption(_ account: AccountID, reason: String?, at instant: Date, by actor: String) async throws
    /// Marks the account's items up to `day` sent; returns how many it marked (0: another process did).
    func markSummarySent(_ account: CourtAccountID, through day: String, at instant: Date) async throws -> Int
}

/// An entry waiting for an account's daily summary.
public struct SummaryItem: Sendable, Equatable {
    public let account: CourtAccountID
    public let caseID: CaseID
    public let seq: Int
    /// The court day it belongs to, `YYYY-MM-DD` in the court's zone.
    public let day: String

    public init(account: CourtAccountID, caseID: CaseID, seq: Int, day: String) {
        self.account = account
        self.caseID = caseID
        self.seq = seq
        self.day = day
    }
}

/// A billable view as the court keeps it.
public struct RecordedView: Sendable, Equatable {
    public let key: String
    public let account: AccountID
    public let document: DocumentID?
    public let viewedAt: Date

    public init(key: String, account: AccountID, document: DocumentID?, viewedAt: Date) {
        self.key = key
        self.account = account
        self.document = document
        self.viewedAt = viewedAt
    }
}
