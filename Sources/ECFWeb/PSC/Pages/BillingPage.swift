import ECFDomain
import Foundation

/// `/pacer/account/billing`: a quarter's PACER charges a page at a time (oldest first, with a
/// link to the next page), the quarter's total, what is billed after the $30 waiver, and the
/// client code charges are tagged with.
struct BillingPage: Page {
    static let template = "pacer-billing"

    struct Row: Sendable, TemplateFields {
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
    /// How many charges the quarter holds, and which of them the page shows.
    let countLine: String?
    let nextPage: String?
    let firstPage: String?
    let total: String
    let billed: String
    let waiverNote: String
    let previous: String
    let next: String?
    let clientCodeField: FormField
    let notice: String?

    init(
        context: AppRequestContext, statement: BillingStatement, page: BillingRoutes.ChargesPage,
        current: BillingQuarter, clientCode: String, notice: String?, problem: String?
    ) {
        nav = NavBar(context)
        csrfToken = context.csrfToken
        let quarter = statement.quarter
        quarterLabel = "\(quarter) (\(quarter.label))"
        rows = page.charges.map {
            Row(
                when: DateFormats.string($0.viewedAt, "MM/dd/yyyy HH:mm", in: BillingQuarter.zone),
                court: $0.court.rawValue, description: $0.description,
                criteria: $0.criteria, pages: $0.pages, cost: $0.amount.description, clientCode: $0.clientCode)
        }
        hasRows = !rows.isEmpty
        let count = statement.count.formatted(.number.locale(Locale(identifier: "en_US")))
        let paged = page.isLater || page.nextCursor != nil
        countLine =
            switch statement.count {
            case 0: nil
            case 1: "1 charge this quarter."
            default: "\(count) charges this quarter, oldest first\(paged ? "; this page shows \(rows.count)" : "")."
            }
        let link = "/pacer/account/billing?quarter=\(quarter)"
        nextPage = page.nextCursor.map { "\(link)&cursor=\($0)" }
        firstPage = page.isLater ? link : nil
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
