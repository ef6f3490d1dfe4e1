import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// The free search of docket text: one court's at `/ecf/{court}/search` and
/// `GET /api/v1/courts/{court}/search`, every court's (through the national locator) at
/// `/pacer/search` and `GET /api/v1/pacer/search`. No sign-in and no fee; court staff signed in
/// to their court also find its restricted entries.
struct DocketTextSearchRoutes {
    let courts: CourtsWeb
    let access: PublicAccessWeb
    let pages: PageRenderer

    func register(on router: Router<AppRequestContext>) {
        router.get("/ecf/{court}/search") { request, context in
            let court = try await courts.court(context)
            var answers = Self.answers(request)
            answers["court"] = nil
            let screen = { result in
                DocketTextSearchScreen(
                    context: context, title: "Search docket text: \(court.court.name)",
                    intro: "Find docket entries in \(court.court.name) by the words of their text. Free of charge.",
                    action: CourtPaths.docketTextSearch(court.id), national: false, answers: answers, result: result)
            }
            return try await respond(answers, screen: screen) { search in
                let identity = try await courts.pageIdentity(request, context, in: court)
                return try await SearchDocketText(courts.context)(search, in: court, identity: identity)
            }
        }
        router.get("/api/v1/courts/{court}/search") { request, context in
            let court = try await courts.court(context)
            var answers = Self.answers(request)
            answers["court"] = nil
            let search = try Self.read(answers)
            let identity = try await courts.apiIdentity(request, in: court)
            let page = try await SearchDocketText(courts.context)(search, in: court, identity: identity)
            return try JSONResponse.make(DocketTextSearchDTO(page, words: search.words))
        }
        router.get("/pacer/search") { request, context in
            let answers = Self.answers(request)
            let screen = { result in
                DocketTextSearchScreen(
                    context: context, title: "Search docket text in every court",
                    intro:
                        "Find docket entries in every court on this server by the words of their text. Free of charge; a new entry is found within seconds of its filing.",
                    action: "/pacer/search", national: true, answers: answers, result: result)
            }
            return try await respond(answers, screen: screen) { try await access.locator.searchText($0) }
        }
        router.get("/api/v1/pacer/search") { request, _ in
            let search = try Self.read(Self.answers(request))
            return try JSONResponse.make(
                DocketTextSearchDTO(try await access.locator.searchText(search), words: search.words))
        }
    }

    /// The form alone before a search, the problems (422) or the results.
    func respond(
        _ answers: [String: String],
        screen: (Result<(DocketTextPage, DocketTextSearch), FieldProblems>?) -> DocketTextSearchScreen,
        search run: (DocketTextSearch) async throws -> DocketTextPage
    ) async throws -> Response {
        guard answers.values.contains(where: { !$0.isEmpty }) else { return try pages.render(screen(nil)) }
        switch DocketTextSearch.read({ answers[$0] }) {
        case .failure(let problems):
            return try pages.render(screen(.failure(problems)), status: .unprocessableContent)
        case .success(let search):
            return try pages.render(screen(.success((try await run(search), search))))
        }
    }

    static func read(_ answers: [String: String]) throws -> DocketTextSearch {
        switch DocketTextSearch.read({ answers[$0] }) {
        case .failure(let problems): throw CourtError.invalid(problems, "Some search terms need another look.")
        case .success(let search): return search
        }
    }

    static func answers(_ request: Request) -> [String: String] {
        LocatorRoutes.answers(request, names: DocketTextSearchScreen.parameters)
    }
}
