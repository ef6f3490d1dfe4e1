import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// The court's RSS feed of recent public entries (`/ecf/{court}/cgi-bin/rss_outside.pl`), and the
/// docket report: the CM/ECF address `/ecf/{court}/cgi-bin/DktRpt.pl?{caseId}` (the case id
/// is the whole query, as CM/ECF writes it; `?caseid=` works too) and its JSON twin
/// `GET /api/v1/courts/{court}/cases/{caseId}/docket`. Each viewer sees what the restriction levels
/// let it see.
struct DocketReportRoutes {
    let courts: CourtsWeb
    let pages: PageRenderer

    /// The report's options from the query string; 422 naming each answer that cannot be used.
    static func filter(_ request: Request) throws -> DocketFilter {
        // Parsed once: Hummingbird parses the query again at each read of `queryParameters`,
        // and the filter reads seven options.
        let parameters = request.uri.queryParameters
        switch DocketFilter.read({ parameters.get($0) }) {
        case .success(let filter): return filter
        case .failure(let problems): throw CourtError.invalid(problems, "Some report options need another look.")
        }
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/ecf/{court}/cgi-bin/DktRpt.pl") { request, context in
            let court = try await courts.court(context)
            let query = request.uri.query ?? ""
            // `DktRpt.pl?2`, with report options after it (`DktRpt.pl?2&order=newest`), or `?caseid=2`.
            let first = query.split(separator: "&", maxSplits: 1).first.map(String.init) ?? ""
            guard let id = Int64(first) ?? request.uri.queryParameters.get("caseid").flatMap({ Int64($0) }) else {
                throw CourtError(.notFound, "Give the case as DktRpt.pl?<case id>, for example DktRpt.pl?1.")
            }
            let identity = try await courts.pageIdentity(request, context, in: court)
            let view = try await ReadCase(courts.context)(
                CaseID(id), in: court, identity: identity, withEntries: false)
            let filter = try Self.filter(request)
            let stream = DocketReportStream(courts: courts)
            let billing: DocketReportStream.Billing
            do {
                billing = try await stream.billing(
                    for: view, filter, in: court, identity: identity, clientCode: ClientCodeInput.read(request, context)
                )
            } catch let error as CourtError where error.code == .notSignedIn {
                return AccountPageRoutes.signIn(thenBackTo: "/ecf/\(court.id.rawValue)/cgi-bin/DktRpt.pl?\(query)")
            }
            let judges = try await court.store.accounts(roles: [.judge])
            return try stream.html(
                DocketReportPage(context: context, court: court, view: view, judges: judges, filter: filter),
                view: view, filter: filter, billing: billing)
        }
        router.get("/ecf/{court}/cases/{caseId}/docket-options") { request, context in
            let court = try await courts.court(context)
            let identity = try await courts.pageIdentity(request, context, in: court)
            let view = try await ReadCase(courts.context)(
                try context.caseID(in: court), in: court, identity: identity, withEntries: false)
            return try pages.render(DocketOptionsPage(context: context, court: court, courtCase: view.courtCase))
        }
        // `?caseid=N`: one public case's feed (an OpenECF addition; CM/ECF has the court's only).
        router.get("/ecf/{court}/cgi-bin/rss_outside.pl") { request, context in
            let court = try await courts.court(context)
            try court.requireAvailable()
            let docket = try await courts.context.stores.docket(court.id)
            var oneCase: CourtCase?
            if let typed = request.uri.queryParameters.get("caseid") {
                guard let id = Int64(typed), let found = try await docket.courtCase(CaseID(id)),
                    found.restriction != .sealed
                else {
                    throw CourtError(.notFound, "There is no public case with this number in \(court.court.name).")
                }
                oneCase = found
            }
            let items = try await docket.publicEntries(
                limit: 100, in: oneCase?.id, events: nil, filed: nil, after: nil)
            var feed = RSSFeed(court: court.court, links: courts.context.mails.links, items: items, oneCase: oneCase)
            if court.court.kind == .bankruptcy {
                for caseID in Set(items.map(\.courtCase.id)) {
                    feed.trustees[caseID] = try await docket.parties(of: caseID).first { $0.type == .trustee }?.name
                }
            }
            var headers = HTTPFields()
            headers[.contentType] = "application/rss+xml; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: feed.xml())))
        }
        router.get("/ecf/{court}/cgi-bin/WrtOpRpt.pl") { request, context in
            let court = try await courts.court(context)
            let query = try OpinionsReport.query(request, court: court)
            let page = try await OpinionsReport.opinions(in: court, context: courts.context, query)
            return try pages.render(OpinionsReportPage(context: context, court: court, query: query, page: page))
        }
        router.get("/api/v1/courts/{court}/opinions") { request, context in
            let court = try await courts.court(context)
            let query = try OpinionsReport.query(request, court: court)
            return try JSONResponse.make(
                OpinionsDTO(try await OpinionsReport.opinions(in: court, context: courts.context, query)))
        }
        router.get("/api/v1/courts/{court}/cases/{caseId}/docket") { request, context in
            let court = try await courts.court(context)
            let identity = try await courts.apiIdentity(request, in: court)
            let view = try await ReadCase(courts.context)(
                try context.caseID(in: court), in: court, identity: identity, withEntries: false)
            let filter = try Self.filter(request)
            let stream = DocketReportStream(courts: courts)
            let billing = try await stream.billing(
                for: view, filter, in: court, identity: identity, clientCode: ClientCodeInput.read(request, context))
            return try stream.json(view: view, filter: filter, billing: billing)
        }
    }
}
