import ECFDomain
import Foundation
import Testing

@Suite("The docket report's options")
struct DocketFilterTests {
    func read(_ answers: [String: String]) -> Result<DocketFilter, FieldProblems> {
        DocketFilter.read { answers[$0] }
    }

    @Test func noAnswerIsTheWholeDocketOldestFirst() throws {
        let filter = try read([:]).get()
        #expect(filter.isEverything && filter.criteria.isEmpty && !filter.newestFirst)
    }

    @Test func theOptionsAreReadAndSaidOnTheReceipt() throws {
        let filter = try read([
            "filedFrom": "2026-01-01", "filedTo": "2026-02-01", "documentFrom": "3", "documentTo": "9",
            "terminated": "no", "order": "newest",
        ]).get()
        #expect(filter.documentFrom == 3 && filter.documentTo == 9 && filter.newestFirst)
        #expect(
            filter.criteria == "filed 2026-01-01 to 2026-02-01; documents 3 to 9; no terminated parties; newest first")
        let party = Party(
            id: 1, caseID: CaseID(1), name: "Gone", type: .defendant, dateTerminated: DateOnly(iso: "2026-01-05"))
        #expect(!filter.lists(party))
        #expect(
            try read(["parties": "no"]).get().lists(Party(id: 2, caseID: CaseID(1), name: "Here", type: .plaintiff))
                == false)
    }

    @Test func everyAnswerThatCannotBeUsedIsNamed() {
        guard
            case .failure(let problems) = read([
                "filedFrom": "soon", "documentFrom": "9", "documentTo": "3", "parties": "maybe", "order": "random",
            ])
        else {
            Issue.record("bad options were accepted")
            return
        }
        #expect(problems["filedFrom"] == "Enter the date filed from as YYYY-MM-DD.")
        #expect(problems["documentTo"] == "The last document number is below the first.")
        #expect(problems["parties"] == "Answer yes or no: include parties and counsel?")
        #expect(problems["order"] == "Order the entries oldest or newest first.")
        guard case .failure(let zero) = read(["documentFrom": "0"]) else {
            Issue.record("document 0 was accepted")
            return
        }
        #expect(zero["documentFrom"] == "Enter the first document number as a whole number, 1 or more.")
    }
}
