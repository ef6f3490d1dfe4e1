import ECFDomain
import Foundation

/// What a view costs this viewer in this court, and recording it: the court keeps the view and
/// sends it to the PSC's billing ledger through its outbox, in one transaction, before anything
/// is shown. A fee-free court shows no receipt; a billable view needs a PACER account to bill.
public struct ChargeView: Sendable {
    /// The transaction receipt of a view (what PACER shows under every billable page).
    public struct Receipt: Sendable, Equatable {
        public let username: String
        public let clientCode: String
        public let viewedAt: Date
        public let description: String
        public let criteria: String
        public let pages: Int
        public let amount: Money
        /// Why it costs nothing, when it does.
        public let free: AccessFees.FreeBecause?

        public init(
            username: String, clientCode: String, viewedAt: Date, description: String, criteria: String, pages: Int,
            amount: Money, free: AccessFees.FreeBecause?
        ) {
            self.username = username
            self.clientCode = clientCode
            self.viewedAt = viewedAt
            self.description = description
            self.criteria = criteria
            self.pages = pages
            self.amount = amount
            self.free = free
        }
    }

    /// A view priced for its viewer, not yet recorded.
    public struct Quote: Sendable, Equatable {
        /// Nil in a fee-free court: nothing is recorded and no receipt is shown.
        public let receipt: Receipt?
        let account: AccountID?
        let court: CourtID

        /// Costs something: the viewer confirms before a document is sent.
        public var billable: Bool { (receipt?.amount ?? .zero) > .zero }
    }

    let context: CourtContext

    public init(_ context: CourtContext) {
        self.context = context
    }

    /// What a view's price depends on besides its kind: whether the court charges at all, who is
    /// billed, whether they are exempt. A docket report reads them once, to price itself before its
    /// first byte and again by the bytes it sent.
    public struct Terms: Sendable {
        let feeFree: Bool
        let profile: PacerProfile?
        let username: String
        let exempt: Bool
    }

    /// Reads the court's and the viewer's terms.
    public func terms(in court: OpenCourt, identity: CourtIdentity) async throws -> Terms {
        if try await court.store.settings().feeFree {
            return Terms(feeFree: true, profile: nil, username: "anonymous", exempt: false)
        }
        var profile: PacerProfile?
        var username = "anonymous"
        switch identity {
        case .pacer(let pacer, _):
            profile = pacer
            username = pacer.username
        case .legacyLogin(let account): username = account.login.rawValue
        case .nobody: break
        }
        var exempt = false
        if let profile { exempt = try await context.stores.docket(court.id).feeExempt(profile.accountID) }
        return Terms(feeFree: false, profile: profile, username: username, exempt: exempt)
    }

    /// Prices the view; throws `notSignedIn` when it would cost something and nobody is signed in
    /// with a PACER account to bill.
    public func quote(
        _ kind: AccessFees.Kind, description: String, criteria: String, in court: OpenCourt,
        identity: CourtIdentity, viewer: Viewer, freeLook: Bool = false, clientCode: String = ""
    ) async throws -> Quote {
        try quote(
            kind, description: description, criteria: criteria, in: court,
            terms: try await terms(in: court, identity: identity), viewer: viewer, freeLook: freeLook,
            clientCode: clientCode)
    }

    /// Prices the view under terms already read.
    public func quote(
        _ kind: AccessFees.Kind, description: String, criteria: String, in court: OpenCourt, terms: Terms,
        viewer: Viewer, freeLook: Bool = false, clientCode: String = ""
    ) throws -> Quote {
        if terms.feeFree { return Quote(receipt: nil, account: nil, court: court.id) }
        let free = AccessFees.freeBecause(
            kind, viewer: viewer, feeFreeCourt: false, exempt: terms.exempt, freeLook: freeLook)
        let pages = AccessFees.pages(kind)
        let amount = free == nil ? AccessFees.fee(kind) : .zero
        if amount > .zero, terms.profile == nil {
            throw CourtError(
                .notSignedIn,
                "Sign in with your PACER account to view this: it costs \(amount) (\(pages) \(pages == 1 ? "page" : "pages") at \(AccessFees.perPage) a page). A quarter's charges of $30.00 or less are waived."
            )
        }
        let receipt = Receipt(
            username: terms.username, clientCode: clientCode, viewedAt: court.now, description: description,
            criteria: criteria, pages: free == nil ? pages : 0, amount: amount, free: free)
        return Quote(receipt: receipt, account: terms.profile?.accountID, court: court.id)
    }

    /// Records a billable view (the court's copy and the ledger's outbox message) and returns its
    /// key; a free view records nothing and returns nil. Views billed in a court at the same time
    /// share a transaction (`GroupCommit`); each returns once its own is committed.
    @discardableResult
    public func record(_ quote: Quote, document: DocumentID? = nil, caseID: CaseID? = nil) async throws -> String? {
        guard quote.billable, let receipt = quote.receipt, let account = quote.account else { return nil }
        let charge = AccessCharge(
            viewKey: context.ids.timeOrderedUUID().uuidString.lowercased(), account: account,
            username: receipt.username,
            court: quote.court, viewedAt: receipt.viewedAt, description: receipt.description,
            criteria: receipt.criteria, pages: receipt.pages, amount: receipt.amount, clientCode: receipt.clientCode)
        let view = BilledView(
            charge: charge, message: try OutboxMessage.billing(charge, at: receipt.viewedAt), document: document,
            caseID: caseID)
        let stores = context.stores
        try await context.billedViews.commit(view, under: quote.court) { views in
            try await stores.docket(quote.court).transaction { transaction in
                try await transaction.insert(views.map { ($0.charge, $0.document, $0.caseID) })
                try await transaction.enqueue(views.map(\.message))
            }
        }
        return charge.viewKey
    }

    /// A view's record in its court and the ledger's outbox message, written together.
    public struct BilledView: Sendable {
        let charge: AccessCharge
        let message: OutboxMessage
        let document: DocumentID?
        let caseID: CaseID?
    }
}
