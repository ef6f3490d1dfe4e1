import ECFDomain
import ECFServices
import Foundation
import Hummingbird
import Mustache

/// The docket report sent as it is read: the header and parties at once, then the entries a page
/// at a time (a 50,000-entry docket starts arriving at once and is never held whole), then the
/// transaction receipt — priced by the bytes actually sent (capped, as docket reports are) and
/// recorded once the last entry is out. Whether it will cost something is known before the first
/// byte: a billable report without a PACER sign-in goes to the sign-in (pages) or answers 401.
/// The entries' rows of a docket that has not changed since an earlier report are sent as that
/// report sent them (`DocketRowsCache`); the header, parties and receipt are made every time.
struct DocketReportStream {
    let courts: CourtsWeb

    struct Billing: Sendable {
        let court: OpenCourt
        /// Read once: the report is priced before its first byte and again by the bytes sent.
        let terms: ChargeView.Terms
        let viewer: Viewer
        let criteria: String
        let clientCode: String
        let caseID: CaseID
    }

    /// Throws `notSignedIn` when the report costs something and no PACER account is signed in.
    func billing(
        for view: ReadCase.CaseView, _ filter: DocketFilter, in court: OpenCourt, identity: CourtIdentity,
        clientCode: String
    ) async throws -> Billing {
        let number = view.courtCase.number.description
        let billing = Billing(
            court: court, terms: try await ChargeView(courts.context).terms(in: court, identity: identity),
            viewer: view.viewer, criteria: filter.isEverything ? number : "\(number); \(filter.criteria)",
            clientCode: clientCode, caseID: view.courtCase.id)
        _ = try quote(billing, bytes: 1)
        return billing
    }

    func quote(_ billing: Billing, bytes: Int) throws -> ChargeView.Quote {
        try ChargeView(courts.context).quote(
            .docketReport(bytes: bytes), description: "Docket Report", criteria: billing.criteria, in: billing.court,
            terms: billing.terms, viewer: billing.viewer, clientCode: billing.clientCode)
    }

    /// The HTML report.
    func html(
        _ page: DocketReportPage, view: ReadCase.CaseView, filter: DocketFilter, billing: Billing
    ) throws -> Response {
        // The page's frame (`PageLayout`) around its main part, as `PageRenderer` puts it.
        let parts = page.mainParts
        let (head, middle, tail) = (
            PageLayout.top(title: page.title, nav: page.nav) + parts.beforeRows, parts.afterRows,
            parts.afterReceipt + PageLayout.bottom
        )
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                let date = DocketReportPage.date(in: billing.court.zone)
                let sent = try await sendRows(
                    view, filter, billing, .html, between: ByteBuffer(string: head), and: ByteBuffer(string: middle),
                    to: &writer
                ) { entries in
                    var rows = ""
                    for entry in entries {
                        rows +=
                            DocketReportPage.row(entry, caseID: view.courtCase.id, court: billing.court, date: date)
                            .html
                    }
                    return ByteBuffer(string: rows)
                }
                let receipt = try await record(billing, bytes: sent)
                try await writer.write(
                    ByteBuffer(string: (receipt.map { ReceiptView($0).html } ?? "") + tail))
                try await writer.finish(nil)
            })
    }

    /// The JSON report: `{"case": …, "entries": [ … ], "receipt": …}`.
    func json(view: ReadCase.CaseView, filter: DocketFilter, billing: Billing) throws -> Response {
        let header = try JSONResponse.encode(CaseDTO(view))
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                let encoder = JSONResponse.makeEncoder()
                var first = true
                let sent = try await sendRows(
                    view, filter, billing, .json,
                    between: ByteBuffer(bytes: Data("{\"case\":".utf8) + header + Data(",\"entries\":[".utf8)),
                    and: ByteBuffer(), to: &writer
                ) { entries in
                    var chunk = Data()
                    for entry in entries {
                        if !first { chunk.append(UInt8(ascii: ",")) }
                        first = false
                        chunk.append(try encoder.encode(EntriesDTO.Entry(entry)))
                    }
                    return ByteBuffer(bytes: chunk)
                }
                let receipt = try await record(billing, bytes: sent + 2)
                var end = Data("]".utf8)
                if let receipt { end += Data(",\"receipt\":".utf8) + (try encoder.encode(ReceiptDTO(receipt))) }
                try await writer.write(ByteBuffer(bytes: end + Data("}".utf8)))
                try await writer.finish(nil)
            })
    }

    /// Sends the report's rows between `lead` and `trail`: those kept from an earlier report when
    /// the case's docket is at the same revision, all in one write (each write waits for the
    /// connection's event loop), else read a page at a time, rendered, sent and kept
    /// (`DocketRowsCache`). Returns how many bytes were sent.
    func sendRows(
        _ view: ReadCase.CaseView, _ filter: DocketFilter, _ billing: Billing, _ format: DocketRowsCache.Format,
        between lead: ByteBuffer, and trail: ByteBuffer, to writer: inout any ResponseBodyWriter,
        render: ([DocketEntry]) throws -> ByteBuffer
    ) async throws -> Int {
        var sent = lead.readableBytes + trail.readableBytes
        func send(_ rows: ByteBuffer) async throws {
            sent += rows.readableBytes
            try await writer.write(rows)
        }
        let court = billing.court
        let cache = courts.docketRows
        let variant = DocketRowsCache.Variant(
            format: format, viewer: view.viewer, caseRestriction: view.courtCase.restriction, filter: filter,
            zone: court.zone.identifier)
        // Read with the case, before any of its rows.
        let revision = view.docketRevision
        if let kept = cache.rows(court: court.id, caseID: view.courtCase.id, revision: revision, variant) {
            sent += kept.chunks.reduce(0) { $0 + $1.readableBytes }
            try await writer.write(contentsOf: ([lead] + kept.chunks + [trail]).filter { $0.readableBytes > 0 })
            return sent
        }
        try await writer.write(lead)
        var chunks: [ByteBuffer] = []
        var bytes = 0
        try await forEachPage(view, filter, in: court) { entries in
            let chunk = try render(entries)
            // A report too large to keep is only sent (P5's 50,000 entries stay a page at a time).
            if bytes <= cache.largest {
                chunks.append(chunk)
                bytes += chunk.readableBytes
            }
            try await send(chunk)
        }
        if bytes <= cache.largest {
            cache.keep(.init(chunks), court: court.id, caseID: view.courtCase.id, revision: revision, variant)
        }
        if trail.readableBytes > 0 { try await writer.write(trail) }
        return sent
    }

    func forEachPage(
        _ view: ReadCase.CaseView, _ filter: DocketFilter, in court: OpenCourt,
        _ body: ([DocketEntry]) async throws -> Void
    ) async throws {
        var after: Int?
        repeat {
            let page = try await ReadCase(courts.context).entries(of: view, filter, in: court, after: after)
            try await body(page.entries)
            after = page.next
        } while after != nil
    }

    /// Prices the report by what was sent and records the view.
    func record(_ billing: Billing, bytes: Int) async throws -> ChargeView.Receipt? {
        let quote = try quote(billing, bytes: bytes)
        try await ChargeView(courts.context).record(quote, caseID: billing.caseID)
        return quote.receipt
    }
}
