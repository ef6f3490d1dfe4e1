import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// A court's Query: the search form and results at `/ecf/{court}/cgi-bin/iquery.pl`, and
/// `GET /api/v1/courts/{court}/cases` (no filter: every case the caller may see, newest first).
struct CaseSearchRoutes {
    let courts: CourtsWeb
    let pages: PageRenderer

    func register(on router: Router<AppRequestContext>) {
        router.get("/ecf/{court}/cgi-bin/iquery.pl") { request, context in
            let court = try await courts.court(context)
            // `iquery.pl?{caseId}`: one case's query page.
            if let query = request.uri.query, let id = Int64(query) {
                return try await caseQuery(CaseID(id), request, context, court: court)
            }
            var answers = LocatorRoutes.answers(request)
            answers["court"] = nil
            let screen = { (result: Result<CaseSearchPage, FieldProblems>?) -> CaseSearchScreen in
                CaseSearchScreen(
                    context: context, title: "Query: \(court.court.name)",
                    intro: "Find a case in \(court.court.name) by number, party, nature of suit or date filed.",
                    action: "/ecf/\(court.id.rawValue)/cgi-bin/iquery.pl", national: false, answers: answers,
                    result: result)
            }
            guard answers.values.contains(where: { !$0.isEmpty }) else { return try pages.render(screen(nil)) }
            switch CaseSearch.read({ answers[$0] }) {
            case .failure(let problems):
                return try pages.render(screen(.failure(problems)), status: .unprocessableContent)
            case .success(let search):
                let identity = try await courts.pageIdentity(request, context, in: court)
                let (page, viewer) = try await SearchCases(courts.context)(search, in: court, identity: identity)
                return try await courts.billedPage(
                    screen(.success(page)), renderer: pages,
                    kind: { page.hits.isEmpty ? .emptySearch : .report(bytes: $0) }, description: "Search",
                    criteria: Self.criteria(answers), in: court, identity: identity, viewer: viewer,
                    clientCode: ClientCodeInput.read(request, context),
                    back: "/ecf/\(court.id.rawValue)/cgi-bin/iquery.pl?" + CaseSearchScreen.queryString(answers))
            }
        }
        router.get("/api/v1/courts/{court}/cases") { request, context in
            let court = try await courts.court(context)
            var answers = LocatorRoutes.answers(request)
            answers["court"] = nil
            switch CaseSearch.read({ answers[$0] }) {
            case .failure(let problems):
                throw CourtError.invalid(problems, "Some search terms need another look.")
            case .success(let search):
                let identity = try await courts.apiIdentity(request, in: court)
                let (page, viewer) = try await SearchCases(courts.context)(search, in: court, identity: identity)
                return try await courts.billedJSON(
                    { page.hits.isEmpty ? .emptySearch : .report(bytes: $0) }, description: "Search",
                    criteria: Self.criteria(answers), in: court, identity: identity, viewer: viewer,
                    clientCode: ClientCodeInput.read(request, context), body: CaseSearchDTO(page)
                )
            }
        }
    }

    /// The case query page, billed by its size like a docket report.
    func caseQuery(_ id: CaseID, _ request: Request, _ context: AppRequestContext, court: OpenCourt) async throws
        -> Response
    {
        let identity = try await courts.pageIdentity(request, context, in: court)
        let read = ReadCase(courts.context)
        let view = try await read(id, in: court, identity: identity, withEntries: false)
        let last = try await read.lastEntry(of: view, in: court)
        let judges = try await court.store.accounts(roles: [.judge])
        return try await courts.billedPage(
            CaseQueryPage(context: context, court: court, view: view, last: last, judges: judges), renderer: pages,
            kind: { .docketReport(bytes: $0) }, description: "Case Query",
            criteria: view.courtCase.number.description, in: court, identity: identity, viewer: view.viewer,
            clientCode: ClientCodeInput.read(request, context), caseID: view.courtCase.id,
            back: "/ecf/\(court.id.rawValue)/cgi-bin/iquery.pl?\(id.rawValue)")
    }

    /// The receipt's "Search Criteria": what was asked, `party: rivera; status: open`.
    static func criteria(_ answers: [String: String]) -> String {
        let shown = answers.filter { $0.key != "cursor" && $0.key != "limit" && !$0.value.isEmpty }
        return shown.isEmpty
            ? "all cases"
            : shown.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
                .joined(separator: "; ")
    }
}
