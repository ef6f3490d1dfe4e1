import ECFDomain
import Foundation

/// `/pacer/account/billing`: a quarter's PACER charges, the total, what is billed after the
/// $30 waiver, and the client code charges are tagged with.
struct BillingPage: Page {
    static let template = "pacer-billing"

    struct Row: Sendable {
        let when: String
        let court: String
        let description: String
        let criteria: String
        let pages: Int
        let cost: String
        let clientCode: String
    }

    let title = "PACER charges"
    let nav: NavBar
    let csrfToken: String
    let quarterLabel: String
    let rows: [Row]
    let hasRows: Bool
    let total: String
    let billed: String
    let waiverNote: String
    let previous: String
    let next: String?
    let clientCodeField: FormField
    let notice: String?

    init(
        context: AppRequestContext, statement: BillingStatement, current: BillingQuarter, clientCode: String,
        notice: String?, problem: String?
    ) {
        nav = NavBar(context)
        csrfToken = context.csrfToken
        let quarter = statement.quarter
        quarterLabel = "\(quarter) (\(quarter.label))"
        rows = statement.charges.map {
            Row(
                when: DateFormats.string($0.viewedAt, "MM/dd/yyyy HH:mm", in: BillingQuarter.zone),
                court: $0.court.rawValue, description: $0.description,
                criteria: $0.criteria, pages: $0.pages, cost: $0.amount.description, clientCode: $0.clientCode)
        }
        hasRows = !rows.isEmpty
        total = statement.total.description
        billed = statement.billed.description
        waiverNote =
            statement.waived
            ? "This quarter's charges are \(statement.total), not more than \(AccessFees.quarterlyWaiver): they are waived."
            : statement.total > .zero
                ? "This quarter's charges are more than \(AccessFees.quarterlyWaiver): all of them are billed."
                : "No charges this quarter."
        let before = quarter.quarter == 1 ? (quarter.year - 1, 4) : (quarter.year, quarter.quarter - 1)
        previous = "\(before.0)Q\(before.1)"
        let after = quarter.quarter == 4 ? (quarter.year + 1, 1) : (quarter.year, quarter.quarter + 1)
        next = quarter < current ? "\(after.0)Q\(after.1)" : nil
        clientCodeField = FormField(
            "clientCode", "Client code", value: clientCode,
            hint: "Optional, up to \(ClientCode.maximumLength) characters; shown on your receipts and charges.",
            error: problem)
        self.notice = notice
    }
}
