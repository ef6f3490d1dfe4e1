import ECFDomain
import Foundation
import Testing

@Suite("Who may file what")
struct FilingAuthorizationTests {
    let caseID = CaseID(7)
    let me = CourtAccountID(UUID())

    func refusal(
        _ role: CourtRole, _ event: String, opening: Bool = false, restriction: Restriction = .public,
        parties: [Int64] = [], filers: [Int64] = []
    ) -> FilingRefusal? {
        FilingAuthorization.refusal(
            role: role, event: EventCatalog.event(event)!, opening: opening, caseRestriction: restriction,
            participations: parties.map {
                Participation(
                    caseID: caseID, partyID: $0, account: me, kind: role == .proSeFiler ? .proSe : .attorney([.lead]))
            }, filers: filers)
    }

    @Test func attorneysOpenCasesAndFileForTheirParties() {
        #expect(refusal(.attorney, "complaint", opening: true) == nil)
        #expect(refusal(.attorney, "motionToDismiss", parties: [1], filers: [1]) == nil)
        #expect(refusal(.attorney, "motionToDismiss", parties: [1], filers: [2]) == .notYourParty(2))
        #expect(refusal(.attorney, "motionToDismiss") == .notAParticipant)
        #expect(refusal(.attorney, "noticeOfAppearance", filers: [2]) == nil, "appearing makes one attorney of record")
        #expect(refusal(.attorney, "order", parties: [1]) == .eventNotForRole(.attorney))
    }

    @Test func proSeFilersOnlyInTheirOwnCaseAndMediaNever() {
        #expect(refusal(.proSeFiler, "answer", parties: [3], filers: [3]) == nil)
        #expect(refusal(.proSeFiler, "answer") == .notAParticipant)
        #expect(refusal(.proSeFiler, "complaint", opening: true) == .eventNotForRole(.proSeFiler))
        #expect(refusal(.mediaEService, "answer") == .roleMayNotFile)
        #expect(refusal(.attorney, "answer", restriction: .sealed, parties: [1], filers: [1]) == nil)
        #expect(refusal(.attorney, "noticeOfAppearance", restriction: .sealed, filers: [1]) == .notAParticipant)
    }

    @Test func theClerkFilesAnythingAndJudgesFileOrders() {
        #expect(refusal(.clerk, "motionToDismiss", filers: [9]) == nil)
        #expect(refusal(.clerk, "minuteEntry") == nil)
        #expect(refusal(.judge, "order") == nil)
        #expect(refusal(.judge, "motionToDismiss") == .eventNotForRole(.judge))
    }
}

@Suite("Restriction levels")
struct VisibilityTests {
    let filer = CourtAccountID(UUID())
    let other = CourtAccountID(UUID())

    func sees(_ restriction: Restriction, case caseRestriction: Restriction = .public, _ viewer: Viewer) -> Bool {
        Visibility.canSee(restriction, caseRestriction: caseRestriction, filedBy: filer, viewer: viewer)
    }

    @Test func eachLevelShowsItselfOnlyToWhomItShould() {
        #expect(sees(.public, .outsider))
        #expect(!sees(.caseParticipants, .outsider) && sees(.caseParticipants, .participant(other)))
        #expect(!sees(.sealed, .participant(filer)) && sees(.sealed, .court))
        #expect(sees(.exParte, .participant(filer)) && !sees(.exParte, .participant(other)) && sees(.exParte, .court))
        #expect(!sees(.public, case: .sealed, .outsider) && !sees(.public, case: .sealed, .participant(filer)))
        #expect(sees(.public, case: .sealed, .court))
    }
}
