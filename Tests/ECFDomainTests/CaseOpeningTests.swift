import ECFDomain
import Testing

@Suite("Opening a case: the cover data, the card, the court's settings")
struct CaseOpeningTests {
    let today = DateOnly(year: 2026, month: 11, day: 29)

    func form(_ parties: [CaseOpeningForm.TypedParty]) -> CaseOpeningForm {
        CaseOpeningForm(
            title: " Roe v. Bolt Fasteners, Inc. ", natureOfSuit: "442", cause: "42:2000e Job Discrimination",
            jurisdiction: "Federal Question", juryDemand: "Plaintiff", demand: "$250,000", parties: parties)
    }

    @Test func aCompleteFormOpensWithItsPartiesAndTheOnesTheAttorneyRepresents() throws {
        let valid = try form([
            .init(name: "Jane Roe", type: "plaintiff", represented: true),
            .init(name: "Bolt Fasteners, Inc.", type: "defendant", represented: false),
            .init(name: "", type: "", represented: false),
        ]).validate().get()
        #expect(valid.title == "Roe v. Bolt Fasteners, Inc.")
        #expect(valid.natureOfSuit.description == "442 Civil Rights: Jobs")
        #expect(valid.parties.map(\.name) == ["Jane Roe", "Bolt Fasteners, Inc."])
        #expect(valid.parties.filter(\.represented).map(\.type) == [.plaintiff])
    }

    @Test func everyProblemOfTheFormIsNamedAtOnce() {
        var bad = form([.init(name: "Jane Roe", type: "plaintiff", represented: true)])
        bad.title = ""
        bad.natureOfSuit = "999"
        bad.jurisdiction = "Admiralty"
        guard case .failure(let problems) = bad.validate() else {
            Issue.record("a form without a defendant was accepted")
            return
        }
        #expect(problems["title"] != nil && problems["natureOfSuit"] != nil && problems["jurisdiction"] != nil)
        #expect(problems["parties"] == "Name at least one plaintiff (or petitioner) and one defendant (or respondent).")
        let unrepresented = form([
            .init(name: "Jane Roe", type: "plaintiff", represented: false),
            .init(name: "Bolt", type: "debtor", represented: false),
            .init(name: "Bolt Fasteners, Inc.", type: "defendant", represented: false),
        ])
        guard case .failure(let others) = unrepresented.validate() else {
            Issue.record("a form where the attorney represents nobody was accepted")
            return
        }
        #expect(others["parties[1].type"] == "Choose the party's role in the case.")
        #expect(others["parties"] == "Mark the party or parties you represent.")
    }

    @Test func aCardIsCheckedBeforeAnythingIsCharged() throws {
        let card = try PaymentCard.typed(
            number: "4111 1111 1111 1111", expiry: "12/29", holder: "Avery Attorney", today: today
        ).get()
        #expect(card.lastFour == "1111" && card.expiryYear == 2029)
        guard
            case .failure(let problems) = PaymentCard.typed(
                number: "4111 1111 1111 1112", expiry: "10/26", holder: " ", today: today)
        else {
            Issue.record("a card with a wrong check digit was accepted")
            return
        }
        #expect(problems["cardNumber"] == "This card number is not valid. Check the digits on the card.")
        #expect(problems["cardExpiry"] == "This card has expired.")
        #expect(problems["cardHolder"] == "Enter the name as it appears on the card.")
        // Good through the last day of its month.
        #expect(
            (try? PaymentCard.typed(number: "4111111111111111", expiry: "11/2026", holder: "A", today: today).get())
                != nil)
        guard case .failure(let format) = PaymentCard.typed(number: "", expiry: "2029-12", holder: "A", today: today)
        else {
            Issue.record("an empty card number was accepted")
            return
        }
        #expect(format["cardNumber"] == "Enter the card number.")
        #expect(format["cardExpiry"] == "Enter the expiry date as on the card, MM/YY (for example 08/29).")
    }

    @Test func aCourtChoosesItsFileLimitAndWhetherScansAreRefused() throws {
        #expect(CourtSettings.standard.maxFileMegabytes == 35 && CourtSettings.standard.scannedPDFs == .refuse)
        let chosen = try CourtSettings.typed(maxFileMegabytes: " 50 ", scannedPDFs: "Warn").get()
        #expect(chosen == CourtSettings(maxFileBytes: 50 * 1_048_576, scannedPDFs: .warn))
        guard case .failure(let problems) = CourtSettings.typed(maxFileMegabytes: "0", scannedPDFs: "maybe") else {
            Issue.record("a 0 MB limit was accepted")
            return
        }
        #expect(problems["maxFileMegabytes"] == "Enter the largest file the court accepts, in MB, from 1 to 500.")
        #expect(problems["scannedPDFs"] == "Choose refuse or warn.")
    }
}

@Suite("Each kind of court has its event catalog")
struct CourtKindCatalogTests {
    @Test func aBankruptcyCourtOpensCasesByPetitionWithItsOwnFees() throws {
        let petition = try #require(EventCatalog.event("voluntaryPetition7", in: .bankruptcy))
        #expect(petition.opensCase && FeeSchedule.amount(petition.fee).description == "$338.00")
        #expect(
            FeeSchedule.amount(try #require(EventCatalog.event("motionRelief", in: .bankruptcy)).fee).cents == 19_900)
        #expect(EventCatalog.event("voluntaryPetition7", in: .district) == nil)
        #expect(EventCatalog.event("complaint", in: .bankruptcy) == nil)
        #expect(EventCatalog.events(for: .district).filter(\.opensCase).map(\.id) == ["complaint"])
    }
}
