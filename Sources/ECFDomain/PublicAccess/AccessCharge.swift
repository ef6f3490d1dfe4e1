import Foundation

/// One billable view (a document, a docket report, a search), as the court sends it to the PSC's
/// ledger and as the viewer's transaction receipt shows it. The view key makes recording it
/// again harmless.
public struct AccessCharge: Sendable, Codable, Equatable {
    public let viewKey: String
    public let account: AccountID
    /// The PACER username, as the receipt shows it.
    public let username: String
    public let court: CourtID
    public let viewedAt: Date
    /// `Docket Report`, `Image 2-1`, `Search`…
    public let description: String
    /// The search criteria or case number, as the receipt's "Search Criteria".
    public let criteria: String
    public let pages: Int
    public let amount: Money
    public let clientCode: String

    public init(
        viewKey: String, account: AccountID, username: String, court: CourtID, viewedAt: Date, description: String,
        criteria: String, pages: Int, amount: Money, clientCode: String
    ) {
        self.viewKey = viewKey
        self.account = account
        self.username = username
        self.court = court
        self.viewedAt = viewedAt
        self.description = description
        self.criteria = criteria
        self.pages = pages
        self.amount = amount
        self.clientCode = clientCode
    }

    public var quarter: BillingQuarter { BillingQuarter(viewedAt) }
}

/// The client code a user may attach to its charges (to bill its own clients), as PACER allows.
///
/// Source: PACER's "client code" (optional, up to 32 characters, shown on receipts and the
/// quarterly statement).
public enum ClientCode {
    public static let maximumLength = 32

    /// The code trimmed, or why it cannot be one.
    public static func check(_ typed: String) -> Result<String, FieldProblems> {
        // Most views carry none.
        if typed.isEmpty { return .success("") }
        let code = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems = FieldProblems()
        if code.count > maximumLength {
            problems["clientCode"] = "A client code can be at most \(maximumLength) characters."
        } else if code.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            problems["clientCode"] = "A client code can hold letters, digits, spaces and punctuation only."
        }
        return problems.isEmpty ? .success(code) : .failure(problems)
    }
}

/// A quarter of an account's charges in sum, with what is billed after the waiver (the charges
/// themselves are read a page at a time: an account that buys in bulk makes hundreds of
/// thousands a quarter).
public struct BillingStatement: Sendable, Equatable {
    public let quarter: BillingQuarter
    /// How many charges the quarter holds.
    public let count: Int
    public let total: Money

    public init(quarter: BillingQuarter, count: Int, total: Money) {
        self.quarter = quarter
        self.count = count
        self.total = total
    }

    public init(quarter: BillingQuarter, charges: [AccessCharge]) {
        self.init(quarter: quarter, count: charges.count, total: charges.reduce(.zero) { $0 + $1.amount })
    }

    public var billed: Money { AccessFees.billed(quarterTotal: total) }
    public var waived: Bool { billed == .zero && total > .zero }
}
