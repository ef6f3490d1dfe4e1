import ECFDomain
import Foundation

extension AccountMails {
    /// The new hits of a saved search.
    func savedSearchHits(
        _ id: UUID, to account: PacerAccount, search: SavedSearch, hits: [(line: String, link: String)], more: Int
    ) -> OutgoingMail {
        let what = search.kind == .party ? "new cases" : "new docket entries"
        var paragraphs = [
            "Your saved search “\(search.name)” (\(search.kind == .party ? "party" : "docket text"): \(search.query)) has \(what):"
        ]
        paragraphs += hits.map { "\($0.line) — \($0.link)" }
        if more > 0 { paragraphs.append("And \(more) more: run the search on PACER to see them all.") }
        paragraphs.append(
            "You get these alerts \(search.frequency == .daily ? "once a day" : "as filings arrive"). Delete the search in Manage My Account to stop them. Opening a docket is billed as usual."
        )
        return message(
            id, to: account, subject: "PACER alert: \(what) for \"\(search.name)\"", paragraphs: paragraphs,
            link: ("Your saved searches", links.url("/pacer/account/searches")))
    }
}
