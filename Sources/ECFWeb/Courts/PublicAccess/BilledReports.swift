import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// Reports billed by their size (the docket report, search results): the report is made, measured,
/// priced for its viewer and recorded, then sent with its receipt — under the page, or as the
/// JSON's `receipt`.
extension CourtsWeb {
    /// Prices and records the view; the receipt is nil in a fee-free court. Throws `notSignedIn`
    /// when it costs something and no PACER account is signed in.
    func charge(
        _ kind: AccessFees.Kind, description: String, criteria: String, in court: OpenCourt, identity: CourtIdentity,
        viewer: Viewer, clientCode: String, caseID: CaseID? = nil
    ) async throws -> ChargeView.Receipt? {
        let charge = ChargeView(context)
        let quote = try await charge.quote(
            kind, description: description, criteria: criteria, in: court, identity: identity, viewer: viewer,
            clientCode: clientCode)
        try await charge.record(quote, caseID: caseID)
        return quote.receipt
    }

    /// A billed page: measured, priced, recorded, then sent with its receipt. When it costs
    /// something and no PACER account is signed in, the browser goes to sign in and comes back to `back`.
    func billedPage<P: BilledPage>(
        _ page: P, renderer: PageRenderer, kind: (Int) -> AccessFees.Kind, description: String, criteria: String,
        in court: OpenCourt, identity: CourtIdentity, viewer: Viewer, clientCode: String, caseID: CaseID? = nil,
        back: String
    ) async throws -> Response {
        var page = page
        do {
            let receipt = try await charge(
                kind(try renderer.html(page).utf8.count), description: description, criteria: criteria, in: court,
                identity: identity, viewer: viewer, clientCode: clientCode, caseID: caseID)
            page.receipt = receipt.map(ReceiptView.init)
        } catch let error as CourtError where error.code == .notSignedIn {
            return AccountPageRoutes.signIn(thenBackTo: back)
        }
        return renderer.response(try renderer.html(page))
    }

    /// A billed JSON answer: `body` is measured, and sent with the receipt as its `receipt`
    /// member (`JSONResponse.inserting`), none in a fee-free court.
    func billedJSON(
        _ kind: (Int) -> AccessFees.Kind, description: String, criteria: String, in court: OpenCourt,
        identity: CourtIdentity, viewer: Viewer, clientCode: String, caseID: CaseID? = nil, body: some Encodable
    ) async throws -> Response {
        let measured = try JSONResponse.encode(body)
        let receipt = try await charge(
            kind(measured.count), description: description, criteria: criteria, in: court, identity: identity,
            viewer: viewer, clientCode: clientCode, caseID: caseID)
        return JSONResponse.response(
            try JSONResponse.inserting("receipt", receipt.map(ReceiptDTO.init), into: measured))
    }
}

/// A transaction receipt in a JSON answer.
struct ReceiptDTO: Encodable {
    let username: String
    let clientCode: String
    let viewedAt: Date
    let description: String
    let criteria: String
    let billablePages: Int
    let cost: MoneyDTO
    let freeBecause: String?

    init(_ receipt: ChargeView.Receipt) {
        username = receipt.username
        clientCode = receipt.clientCode
        viewedAt = receipt.viewedAt
        description = receipt.description
        criteria = receipt.criteria
        billablePages = receipt.pages
        cost = MoneyDTO(receipt.amount)
        freeBecause = receipt.free?.rawValue
    }
}

/// A page that ends with a transaction receipt once it is priced.
protocol BilledPage: Page {
    var receipt: ReceiptView? { get set }
}

extension CaseQueryPage: BilledPage {}
extension CaseSearchScreen: BilledPage {}
