import Testing

@testable import ECFDomain

@Suite("Case numbers and fees")
struct CaseNumberTests {
    @Test func caseNumbersParseAndPrintExactly() throws {
        for text in [
            "2:20-cv-01234-ABC-DEF", "2:20-cv-01234-ABC", "2:20-cv-01234", "1:24-bk-00007", "8:99-ap-99999-JAK",
        ] {
            #expect(CaseNumber(text)?.description == text, "\(text)")
        }
        let number = try #require(CaseNumber("2:20-CV-01234-ABC-DEF"))
        #expect(number.office == 2 && number.year == 20 && number.type == .cv && number.sequence == 1234)
        #expect(number.assignedJudge == "ABC" && number.referredJudge == "DEF")
        #expect(number.base == "2:20-cv-01234")
        for bad in [
            "2:20-cv-1234", "20-cv-01234", "2:20-xx-01234", "2:20-cv-01234-abc", "2:20-cv-00000", "12:20-cv-01234",
            "2:2020-cv-01234", "",
        ] {
            #expect(CaseNumber(bad) == nil, "\(bad)")
        }
    }

    /// A number reads the same as typed (space around it, the type in capitals) and as stored, and
    /// what is not one is refused either way.
    @Test func typedAndStoredNumbersReadAlike() throws {
        let stored = try #require(CaseNumber("3:07-mj-00420-AB-CDEF"))
        #expect(stored.office == 3 && stored.year == 7 && stored.type == .mj && stored.sequence == 420)
        #expect(stored.assignedJudge == "AB" && stored.referredJudge == "CDEF")
        #expect(CaseNumber(" 3:07-MJ-00420-AB-CDEF\t") == stored)
        #expect(CaseNumber("3:07-Mj-00420-AB-CDEF") == stored)
        for bad in [
            "2:20-cv-01234-", "2:20-cv-01234-ABC-DEF-GHI", "2:20-cv-01234--DEF", "2:20-cv-01234-A",
            "2:20-cv-01234-ABCDE",
            "2:20-cv-012345", "2:20--01234", "2:20-cvv-01234", "2:2a-cv-01234", "a:20-cv-01234", "2:20-cv-0123a",
            "2:20-cv-01234-ABC:", "2;20-cv-01234", "2:20-cv-01234 -ABC",
        ] {
            #expect(CaseNumber(bad) == nil, "\(bad)")
        }
        for office in [0, 9] {
            for type in CaseType.allCases {
                let number = try #require(CaseNumber(office: office, year: 99, type: type, sequence: 99_999))
                #expect(CaseNumber(number.description) == number)
            }
        }
    }

    @Test func feesAreCentsAndTheCivilFilingFeeIs405Dollars() {
        #expect(FeeSchedule.amount(.civilCaseFiling) == Money(cents: 40_500))
        #expect(FeeSchedule.amount(.civilCaseFiling).description == "$405.00")
        #expect(Money(cents: 5).description == "$0.05" && Money(cents: 310).description == "$3.10")
    }
}

@Suite("The Rule 5.2 redaction check")
struct RedactionCheckTests {
    @Test func fullNumbersAndBirthDatesAreFoundOnTheirPage() {
        let pages = [
            "Plaintiff Jane Roe states her claims.",
            "Her SSN is 123-45-6789 and she was born on 04/12/1985. Card 4111 1111 1111 1111 was charged.",
            "Employer EIN 12-3456789. Account No. 00123456789 at First Bank.",
        ]
        let hits = RedactionCheck.scan(pages: pages)
        #expect(hits.filter { $0.page == 1 }.isEmpty)
        let kinds = Set(hits.map(\.kind))
        #expect(
            kinds == [.socialSecurityNumber, .birthDate, .financialAccountNumber, .taxpayerIdentificationNumber])
        let ssn = hits.first { $0.kind == .socialSecurityNumber }
        #expect(ssn?.page == 2 && ssn?.excerpt == "***-**-6789", "the excerpt never repeats the number")
        #expect(hits.first { $0.kind == .birthDate }?.excerpt.hasSuffix("**/**/1985") == true)
        #expect(hits.filter { $0.kind == .financialAccountNumber }.map(\.page) == [2, 3])
    }

    @Test func whatRule52AllowsIsNotFlagged() {
        let allowed = [
            "SSN xxx-xx-6789; born in 1985; account ending 6789; phone 213-894-1565; case 2:20-cv-01234.",
            "Invoice 2020-02-18, order 4111 1111 1111 1112 (not a card), zip 90012-4701.",
        ]
        #expect(RedactionCheck.scan(pages: allowed).isEmpty)
        #expect(RedactionCheck.scan(pages: ["Area 000-12-3456 and 666-12-3456 are never issued."]).isEmpty)
    }

    @Test func minorsNamesAreFlaggedWhenTheCaseTypeAsks() {
        let text = ["John Doe, a minor, by his guardian; J.D. attends school."]
        #expect(RedactionCheck.scan(pages: text).isEmpty)
        let hits = RedactionCheck.scan(pages: text, lookForMinors: true)
        #expect(hits.map(\.kind) == [.minorName])
        #expect(hits.first?.excerpt == "J. D., a minor")
    }

    /// A pattern is left out on a page that lacks what it needs (its digits, its label): the hits
    /// are those of every pattern run on every page, labels folded as case-insensitive matching
    /// folds them and digits of other scripts included.
    @Test func leavingOutPatternsAPageCannotMatchFindsTheSame() {
        let pages = [
            "Plaintiff Jane Roe states her claims.", "1. The parties. 2. Venue. 800. The end.",
            "Her SSN is 123-45-6789; DOB: 4/1/85; d.o.b. 04/12/1985; Birth date Jan 5, 1990.",
            "SOCIAL SECURITY NO. 123456789 and ssn:#987654321 and acct. 12-34-56 and ACCOUNT # 1234567",
            "Card 4111-1111-1111-1111, EIN 12-3456789, born on 3/4/19, account 12",
            "ſſn 123456789 and Born ３/４/１９８０ and SSN １２３４５６７８９ and Ａccount 1234567",
            "Accoun t 1234567 and bor n 1/2/33 and 12-345678 and 4111 1111 1111",
            "John Doe, a minor, and minor child Mary Ann Roe; 555-12-3456 ١٢٣-٤٥-٦٧٨٩",
            "", "\u{0C}\r\n0000000000000 Account No.\t00123456789",
        ]
        for minors in [false, true] {
            let reference = RedactionCheck.scan(pages: pages, lookForMinors: minors, everyPattern: true)
            #expect(RedactionCheck.scan(pages: pages, lookForMinors: minors) == reference)
            #expect(reference.count > 10, "the pages have hits to compare")
        }
    }

    /// Digits of more than one byte (full-width ones here): the year's place was taken from the
    /// text into the masked copy, where it is elsewhere, and the check crashed.
    @Test func aBirthDateInFullWidthDigitsIsMaskedToItsYear() {
        let hits = RedactionCheck.scan(pages: ["Born ３/４/１９８０, in Ohio."])
        #expect(hits.map(\.kind) == [.birthDate])
        #expect(hits.first?.excerpt == "Born */*/１９８０")
    }
}

@Suite("Natures of suit")
struct NatureOfSuitTests {
    @Test func codesAreUniqueAndPrintAsTheDocketDoes() {
        #expect(Set(NatureOfSuit.all.map(\.code)).count == NatureOfSuit.all.count)
        #expect(NatureOfSuit.named(440)?.description == "440 Civil Rights: Other")
        #expect(NatureOfSuit.named(448)?.minorsLikely == true && NatureOfSuit.named(830)?.minorsLikely == false)
        #expect(NatureOfSuit.named(999) == nil)
    }
}

@Suite("The event catalog")
struct EventCatalogTests {
    @Test func everyEventHasAUniqueIdAndSensibleFilers() {
        let ids = EventCatalog.district.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(EventCatalog.district.allSatisfy { !$0.mayFile.contains(.mediaEService) }, "media accounts never file")
        #expect(EventCatalog.event("complaint")?.opensCase == true)
        #expect(EventCatalog.event("complaint")?.fee == .civilCaseFiling)
        #expect(EventCatalog.event("order")?.mayFile == [.judge, .clerk])
        #expect(
            EventCatalog.event("minuteEntry")?.numbered == false
                && EventCatalog.event("minuteEntry")?.documentRequired == false)
        #expect(Set(EventCatalog.district.map(\.category)) == Set(FilingEvent.Category.allCases))
    }
}

@Suite("Docket text")
struct DocketTextTests {
    @Test func docketTextReadsAsCMECFWritesIt() throws {
        let motion = try #require(EventCatalog.event("motionToDismiss"))
        #expect(
            DocketText.compose(
                event: motion, filers: [.init(type: "Defendant", name: "Bolt Fasteners, Inc.")],
                attachments: ["Exhibit A"], filedBy: ("Lee", "Defender"))
                == "MOTION to Dismiss filed by Defendant Bolt Fasteners, Inc.. (Attachments: # 1 Exhibit A) (Lee, Defender)"
        )
        let complaint = try #require(EventCatalog.event("complaint"))
        #expect(
            DocketText.compose(
                event: complaint, added: "against Bolt Fasteners, Inc.", fee: (Money(cents: 40_500), "ACACDC-1"),
                filers: [.init(type: "Plaintiff", name: "Jane Roe")], attachments: [], filedBy: ("Attorney", "Avery"))
                == "COMPLAINT against Bolt Fasteners, Inc. (Filing fee $405.00, receipt number ACACDC-1) filed by Plaintiff Jane Roe. (Attorney, Avery)"
        )
    }
}
