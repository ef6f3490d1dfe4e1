import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// A PACER account's charges: `/pacer/account/billing?quarter=2026Q4` in Manage My Account and
/// `GET /api/v1/pacer/account/billing?quarter=`; and the client code its charges carry.
struct BillingRoutes {
    let accounts: AccountsWeb
    let access: PublicAccessWeb
    let pages: PageRenderer
    let secureCookies: Bool

    func register(on router: Router<AppRequestContext>) {
        router.get("/pacer/account/billing") { request, context in
            guard let claims = context.signedIn else {
                return AccountPageRoutes.redirect("/pacer/login?next=/pacer/account/billing")
            }
            let current = BillingQuarter(access.clock.now)
            let quarter = try Self.quarter(request, current: current)
            let (statement, page) = try await chargesPage(request, of: claims.accountID, in: quarter)
            let notice = request.uri.queryParameters.get("notice") == "clientCode" ? "Your client code is saved." : nil
            return try pages.render(
                BillingPage(
                    context: context, statement: statement, page: page, current: current,
                    clientCode: ClientCodeInput.read(request, context), notice: notice, problem: nil))
        }
        router.post("/pacer/account/client-code") { request, context in
            guard let claims = context.signedIn else { return AccountPageRoutes.redirect("/pacer/login") }
            let form = try await AccountPageRoutes.form(request)
            switch ClientCode.check(form.text("clientCode")) {
            case .failure(let problems):
                let current = BillingQuarter(access.clock.now)
                let (statement, page) = try await chargesPage(
                    after: nil, limit: PageRequest.defaultLimit, of: claims.accountID, in: current)
                return try pages.render(
                    BillingPage(
                        context: context, statement: statement, page: page, current: current,
                        clientCode: form.text("clientCode"), notice: nil, problem: problems["clientCode"]),
                    status: .unprocessableContent)
            case .success(let code):
                var response = AccountPageRoutes.redirect("/pacer/account/billing?notice=clientCode")
                response.setCookie(
                    Cookie(
                        name: ClientCodeInput.cookie,
                        value: code.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "", path: "/",
                        secure: secureCookies, httpOnly: true, sameSite: .lax))
                return response
            }
        }
        router.get("/api/v1/pacer/account/billing") { request, _ in
            let claims = try await AccountAPIRoutes(accounts: accounts).bearerClaims(request)
            let current = BillingQuarter(access.clock.now)
            let quarter = try Self.quarter(request, current: current)
            let (statement, page) = try await chargesPage(request, of: claims.accountID, in: quarter)
            return try JSONResponse.make(BillingDTO(statement, page: page))
        }
    }

    /// A page of a quarter's charges: `limit` (100 by default) after the charge the `cursor`
    /// names, oldest first, and the cursor of the next page (nil on the last).
    struct ChargesPage {
        let charges: [AccessCharge]
        let nextCursor: String?
        /// Whether this is a later page than the first.
        let isLater: Bool
    }

    /// The quarter's statement and the page `limit` and `cursor` ask for; 422 naming what is
    /// wrong with either.
    func chargesPage(_ request: Request, of account: AccountID, in quarter: BillingQuarter) async throws
        -> (BillingStatement, ChargesPage)
    {
        var problems = FieldProblems()
        let asked = PageRequest(request, items: "charges", problems: &problems)
        guard problems.isEmpty else {
            throw AccountError(.invalid, "The page asked for needs another look.", fields: problems.byField)
        }
        return try await chargesPage(after: asked.after, limit: asked.limit, of: account, in: quarter)
    }

    /// The statement and page read together (`BillingLedger`), so the total counts every charge
    /// shown. A cursor names the last charge shown by its view key; one given before pages were
    /// read from the ledger (`time|key`) by its last part.
    func chargesPage(after cursor: String?, limit: Int, of account: AccountID, in quarter: BillingQuarter)
        async throws -> (BillingStatement, ChargesPage)
    {
        let after = cursor.map { String($0.split(separator: "|").last ?? "") }
        guard
            let read = try await access.ledger.statement(of: account, in: quarter, after: after, limit: limit + 1)
        else {
            throw AccountError(
                .invalid, PageRequest.invalidCursor, fields: ["cursor": PageRequest.invalidCursor])
        }
        let charges = Array(read.charges.prefix(limit))
        let next = read.charges.count > limit ? charges.last : nil
        return (
            read.statement,
            ChargesPage(
                charges: charges,
                nextCursor: next.map { CursorText.encode($0.viewKey) },
                isLater: cursor != nil)
        )
    }

    /// `?quarter=2026Q4`, this quarter when absent; a quarter that cannot be is a 422.
    static func quarter(_ request: Request, current: BillingQuarter) throws -> BillingQuarter {
        guard let typed = request.uri.queryParameters.get("quarter"), !typed.isEmpty else { return current }
        guard let quarter = BillingQuarter(String(typed)) else {
            throw AccountError(
                .invalid, "Give the quarter as YYYYQN, for example 2026Q4.",
                fields: ["quarter": "Give the quarter as YYYYQN, for example 2026Q4."])
        }
        return quarter
    }
}

/// `GET /api/v1/pacer/account/billing`: a quarter's charges, the total and what is billed.
struct BillingDTO: Encodable {
    struct Charge: Encodable {
        let viewedAt: Date
        let court: String
        let description: String
        let criteria: String
        let pages: Int
        let cost: MoneyDTO
        let clientCode: String
    }

    let quarter: String
    /// A page of the quarter's charges, oldest first.
    let charges: [Charge]
    let nextCursor: String?
    /// The whole quarter's, whatever the page.
    let total: MoneyDTO
    let billed: MoneyDTO
    let waived: Bool

    init(_ statement: BillingStatement, page: BillingRoutes.ChargesPage) {
        quarter = statement.quarter.description
        nextCursor = page.nextCursor
        charges = page.charges.map {
            Charge(
                viewedAt: $0.viewedAt, court: $0.court.rawValue, description: $0.description, criteria: $0.criteria,
                pages: $0.pages, cost: MoneyDTO($0.amount), clientCode: $0.clientCode)
        }
        total = MoneyDTO(statement.total)
        billed = MoneyDTO(statement.billed)
        waived = statement.waived
    }
}
