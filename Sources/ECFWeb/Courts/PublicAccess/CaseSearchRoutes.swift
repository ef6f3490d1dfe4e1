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
            var answers = LocatorRoutes.answers(request)
            answers["court"] = nil
            let screen = { (result: Result<CaseSearchPage, FieldProblems>?) in
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
                let page = try await SearchCases(courts.context)(
                    search, in: court, identity: try await courts.pageIdentity(request, context, in: court))
                return try pages.render(screen(.success(page)))
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
                let page = try await SearchCases(courts.context)(
                    search, in: court, identity: try await courts.apiIdentity(request, in: court))
                return try JSONResponse.make(CaseSearchDTO(page))
            }
        }
    }
}
