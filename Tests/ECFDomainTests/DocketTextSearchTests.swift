import ECFDomain
import Foundation
import Testing

@Suite("Full-text search of docket text: what is searched for, pages and snippets")
struct DocketTextSearchTests {
    func read(_ answers: [String: String]) -> Result<DocketTextSearch, FieldProblems> {
        DocketTextSearch.read { answers[$0] }
    }

    @Test func wordsArePrefixesAndQuotedWordsAPhrase() throws {
        #expect(DocketTextSearch.terms("Motion to COMPEL") == [["motion"], ["to"], ["compel"]])
        #expect(DocketTextSearch.terms("\"Breach of contract\" Müller") == [["breach", "of", "contract"], ["muller"]])
        #expect(DocketTextSearch.terms("2:26-cv-00001") == [["2"], ["26"], ["cv"], ["00001"]])
        // An unclosed quote still searches the words after it, as a phrase.
        #expect(DocketTextSearch.terms("order \"granting motion") == [["order"], ["granting", "motion"]])
    }

    @Test func everyAnswerThatCannotBeUsedIsNamed() throws {
        guard case .failure(let problems) = read(["q": " \" ; ", "sort": "alphabetical", "limit": "500"]) else {
            Issue.record("a search with no words was accepted")
            return
        }
        #expect(problems["q"] == "Enter a word or a phrase in quotes to search the docket text for.")
        #expect(problems["sort"] == "Sort by relevance or by date.")
        #expect(problems["limit"] == "Ask for 1 to 100 results per page.")
        guard case .failure(let dates) = read(["q": "order", "filedFrom": "2026-02-01", "filedTo": "2026-01-01"])
        else {
            Issue.record("a backwards date range was accepted")
            return
        }
        #expect(dates["filedTo"] == "The end of the date range is before its start.")
        let many = (1...13).map { "word\($0)" }.joined(separator: " ")
        guard case .failure(let tooMany) = read(["q": many]) else {
            Issue.record("13 words were accepted")
            return
        }
        #expect(tooMany["q"] == "Search for at most 12 words or phrases at once.")
    }

    @Test func aCursorReadsBackOnlyForItsOwnOrder() throws {
        let date = DocketTextCursor.date(court: "nysd", caseID: 12, seq: 3)
        #expect(DocketTextCursor(date.description) == date)
        let relevance = DocketTextCursor.relevance(offset: 25)
        #expect(DocketTextCursor(relevance.description) == relevance)
        #expect(DocketTextCursor("not a cursor") == nil)
        let search = try read(["q": "order", "sort": "date", "cursor": date.description]).get()
        #expect(search.after == date && search.order == .date)
        guard case .failure(let problems) = read(["q": "order", "cursor": date.description]) else {
            Issue.record("a date cursor was accepted for a relevance search")
            return
        }
        #expect(problems["cursor"] == "This page link is not valid; start the search again.")
    }

    @Test func theSnippetMarksEveryFoundWordAndCutsLongText() {
        let snippet = TextSnippet.of(
            "MOTION to Compel Discovery filed by Jürgen Müller. (Attorney, Avery)", words: ["compel", "muller"])
        #expect(snippet.parts.filter(\.match).map(\.text) == ["Compel", "Müller"])
        #expect(snippet.text == "MOTION to Compel Discovery filed by Jürgen Müller. (Attorney, Avery)")
        let long = (1...100).map { "word\($0)" }.joined(separator: " ")
        let cut = TextSnippet.of(long, words: ["word50"])
        #expect(cut.parts.first?.text == "…" && cut.parts.last?.text == "…")
        #expect(cut.parts.filter(\.match).map(\.text) == ["word50"])
        #expect(cut.text.split(separator: " ").count <= 32)
        // Nothing found (the text changed since it was indexed): the start of the text.
        #expect(TextSnippet.of("ORDER granting motion", words: ["zebra"]).text == "ORDER granting motion")
    }

    @Test func theDateRangeIsTheCourtsDays() throws {
        let search = try read(["q": "order", "filedFrom": "2026-03-08", "filedTo": "2026-03-08"]).get()
        let zone = TimeZone(identifier: "America/New_York")!
        let span = search.filedSpan(in: zone)
        // 8 March 2026 is the day clocks spring forward in New York: 23 hours long.
        #expect(span.from == ISO8601DateFormatter().date(from: "2026-03-08T05:00:00Z"))
        #expect(span.before == ISO8601DateFormatter().date(from: "2026-03-09T04:00:00Z"))
    }
}
