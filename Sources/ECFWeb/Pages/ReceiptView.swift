import ECFDomain
import ECFServices
import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// A PACER transaction receipt under a billable page, in a `<div>` of its own (never a table
/// beside the docket's entries, which juriscraper would read as entries).
struct ReceiptView: Sendable {
    let when: String
    let username: String
    let clientCode: String
    let description: String
    let criteria: String
    let pages: String
    let cost: String
    let free: String?
    /// The receipt's markup, written out directly (every billed report ends with one, and through
    /// the template engine it was 2.5% of a docket report's CPU); `receipt.mustache` places it.
    let html: String

    init(_ receipt: ChargeView.Receipt) {
        when = DateOnly.usTimestamp(receipt.viewedAt, in: BillingQuarter.zone)
        username = receipt.username
        clientCode = receipt.clientCode
        description = receipt.description
        criteria = receipt.criteria
        pages = String(receipt.pages)
        cost = String(receipt.amount.description.dropFirst())
        free = receipt.free?.label
        let e = HTML.escape
        html =
            "<div class=\"pacer-receipt\" id=\"receipt\">\n<table class=\"usa-table usa-table--borderless\">\n"
            + "  <caption>PACER Service Center — Transaction Receipt — \(e(when))</caption>\n  <tbody>\n"
            + "  <tr><th scope=\"row\">PACER Login:</th><td>\(e(username))</td>"
            + "<th scope=\"row\">Client Code:</th><td>\(e(clientCode))</td></tr>\n"
            + "  <tr><th scope=\"row\">Description:</th><td>\(e(description))</td>"
            + "<th scope=\"row\">Search Criteria:</th><td>\(e(criteria))</td></tr>\n"
            + "  <tr><th scope=\"row\">Billable Pages:</th><td>\(e(pages))</td>"
            + "<th scope=\"row\">Cost:</th><td>\(e(cost))</td></tr>\n  </tbody>\n</table>\n"
            + (free.map { "<p class=\"usa-hint\">No charge: \(e($0)).</p>" } ?? "") + "\n</div>\n"
    }
}

/// By name rather than through `Mirror`: a receipt ends every billed report (BENCHMARKS.md P1).
extension ReceiptView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "when": when
        case "username": username
        case "clientCode": clientCode
        case "description": description
        case "criteria": criteria
        case "pages": pages
        case "cost": cost
        case "free": free
        case "html": html
        default: nil
        }
    }
}

/// The client code a user tags charges with: `X-Client-Code` for programs, a cookie set on
/// the billing page for the browser.
enum ClientCodeInput {
    static let cookie = "openecf_client_code"
    static let header = HTTPField.Name("X-Client-Code")!

    static func read(_ request: Request, _ context: AppRequestContext) -> String {
        let typed = request.headers[header] ?? context.cookie(cookie, of: request)?.removingPercentEncoding ?? ""
        return (try? ClientCode.check(typed).get()) ?? ""
    }
}
