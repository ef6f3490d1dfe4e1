import ECFDomain
import Testing

@Suite("Case search terms")
struct CaseSearchTests {
    @Test(arguments: [
        ("2:20-cv-01234", "2:20-cv-01234"), ("2:20cv1234", "2:20-cv-01234"), ("20-1234", "_:20-__-01234"),
        ("20-cv-1234", "_:20-cv-01234"), ("2020-1234", "_:20-__-01234"), ("2:20-CV-01234-ABC-DEF", "2:20-cv-01234"),
        (" 1:26-bk-7 ", "1:26-bk-00007"),
    ])
    func caseNumbersAreReadInEveryCommonForm(typed: String, pattern: String) throws {
        let number = try #require(CaseNumberPattern(typed))
        #expect(number.likePattern == pattern)
        // The locator's index key: the pattern's year and sequence, whatever else it leaves open.
        let year = pattern.dropFirst(2).prefix(2)
        #expect(number.yearAndSequence == year + pattern.suffix(5))
    }

    @Test(arguments: ["", "cv-1234", "2:20-xx-1234", "12:20-cv-1", "20-123456", "20-0", "2:20-cv-1234-a1", "Roe"])
    func whatIsNotACaseNumberIsRefused(typed: String) {
        #expect(CaseNumberPattern(typed) == nil)
    }

    @Test func partyNamesAreFoundByTheStartOfAnyWordWithoutCaseOrAccents() {
        #expect(PartyNameKeys.keys("Sam  Rivéra") == ["sam rivera", "rivera"])
        #expect(PartyNameKeys.keys("Northwind Shipping Co.") == ["northwind shipping co", "shipping co", "co"])
        #expect(PartyNameKeys.normalize("  MÜLLER-Ström ") == "muller strom")
        // Plain ASCII text takes a faster way to the same words.
        #expect(
            PartyNameKeys.normalize(" MOTION to Dismiss [12]; O'Brien & Sons, LLC -- 2026. ")
                == "motion to dismiss 12 o brien sons llc 2026")
        #expect(PartyNameKeys.normalize("O'Brien & Müller") == "o brien muller")
        #expect(PartyNameKeys.normalize("--") == "" && PartyNameKeys.normalize("") == "")
    }

    @Test func eachBadAnswerIsNamed() throws {
        let answers = [
            "number": "twelve", "party": "x", "natureOfSuit": "999", "filedFrom": "2026-02-30",
            "status": "pending", "court": "zzzz", "cursor": "%%%", "limit": "500",
        ]
        guard case .failure(let problems) = CaseSearch.read({ answers[$0] }) else {
            Issue.record("a search with eight bad answers was accepted")
            return
        }
        #expect(
            Set(problems.byField.keys) == [
                "number", "party", "natureOfSuit", "filedFrom", "status", "court", "cursor", "limit",
            ])
        #expect(problems["party"] == "Enter at least two letters of a party's name.")
    }

    @Test func aGoodSearchIsReadAndItsCursorRoundTrips() throws {
        let cursor = CaseSearchCursor(dateFiled: DateOnly(year: 2026, month: 3, day: 1), court: "nysd", caseID: 42)
        let answers = [
            "party": "Rivéra", "natureOfSuit": "190 Other Contract", "filedFrom": "2026-01-01",
            "filedTo": "2026-12-31", "status": "OPEN", "court": "NYSD", "cursor": cursor.description,
        ]
        let search = try CaseSearch.read({ answers[$0] }).get()
        #expect(search.party == "rivera")
        #expect(search.natureOfSuit?.code == 190)
        #expect(search.status == .open)
        #expect(search.court == CourtID("nysd"))
        #expect(search.after == cursor)
        #expect(search.asksWhatSealingHides)
    }

    @Test func aSealedCaseShowsAnOutsiderOnlyItsNumber() {
        let hit = CaseHit(
            court: CourtID("nysd"), caseID: CaseID(3), number: "1:26-cv-00003-HE", title: "In re Secret",
            dateFiled: DateOnly(year: 2026, month: 1, day: 2), dateTerminated: nil, restriction: .sealed)
        let shown = hit.shown(toCourt: false)
        #expect(shown.number == "1:26-cv-00003-HE")
        #expect(shown.title == "Sealed")
        #expect(shown.dateFiled == nil)
        #expect(hit.shown(toCourt: true) == hit)
    }
}
