import ECFDomain
import Foundation
import Testing

@Suite("Who is served an entry (Fed. R. Civ. P. 5(b)(2)(E), the NEF's lists)")
struct ServiceListTests {
    let caseID = CaseID(7)

    func account(_ login: String, _ role: CourtRole, secondaries: [String] = [], status: CourtAccount.Status = .active)
        -> CourtAccount
    {
        CourtAccount(
            id: CourtAccountID(UUID()), court: CourtID("nysd"), login: CourtLogin(login)!, passwordHash: nil,
            role: role,
            firstName: login.capitalized, lastName: "Person", email: EmailAddress("\(login)@example.org")!,
            secondaryEmails: secondaries.compactMap { EmailAddress($0) }, status: status, createdAt: Date())
    }

    struct Fixture {
        let parties: [Party]
        let participations: [Participation]
        let accounts: [CourtAccountID: CourtAccount]
        let press: CourtAccount
        let clerk: CourtAccount
        let avery: CourtAccount
    }

    func fixture() -> Fixture {
        let avery = account("avery", .attorney, secondaries: ["docketing@example.org", "paralegal@example.org"])
        let lee = account("lee", .attorney)
        let gone = account("gone", .attorney)
        let pat = account("pat", .proSeFiler)
        let parties = [
            Party(id: 1, caseID: caseID, name: "Northwind Shipping Co.", type: .plaintiff),
            Party(id: 2, caseID: caseID, name: "Bluewater Logistics, Inc.", type: .defendant),
            Party(id: 3, caseID: caseID, name: "Sam Rivera", type: .interestedParty),
            Party(id: 4, caseID: caseID, name: "Pat Doe", type: .intervenor),
            Party(
                id: 5, caseID: caseID, name: "Old Party", type: .defendant,
                dateTerminated: DateOnly(year: 2026, month: 1, day: 2)),
        ]
        let participations = [
            Participation(caseID: caseID, partyID: 1, account: lee.id, kind: .attorney([.lead])),
            Participation(caseID: caseID, partyID: 2, account: avery.id, kind: .attorney([.lead])),
            Participation(
                caseID: caseID, partyID: 2, account: gone.id, kind: .attorney([.lead]),
                dateTerminated: DateOnly(year: 2026, month: 3, day: 1)),
            Participation(caseID: caseID, partyID: 4, account: pat.id, kind: .proSe),
        ]
        let all = [avery, lee, gone, pat]
        return Fixture(
            parties: parties, participations: participations,
            accounts: Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) }),
            press: account("press", .mediaEService),
            clerk: account("clerk", .clerk), avery: avery)
    }

    func list(_ f: Fixture, entry: Restriction, case caseRestriction: Restriction = .public) -> ServiceList {
        ServiceList.build(
            parties: f.parties, participations: f.participations, accounts: f.accounts, subscribers: [f.press],
            courtStaff: [f.clerk], entryRestriction: entry, caseRestriction: caseRestriction, filedBy: f.avery.id)
    }

    @Test func aPublicEntryGoesToEveryRegisteredParticipantAndTheSubscribedPress() {
        let f = fixture()
        let served = list(f, entry: .public)
        #expect(served.electronic.map(\.name) == ["Lee Person", "Avery Person", "Pat Person", "Press Person"])
        #expect(
            served.electronic[1].addresses.map(\.address) == [
                "avery@example.org", "docketing@example.org", "paralegal@example.org",
            ])
        // A terminated attorney and a terminated party are not served; an unrepresented party is served by other means.
        #expect(served.otherMeans == ["Sam Rivera"])
    }

    @Test func restrictedEntriesNarrowWhoIsServed() {
        let f = fixture()
        #expect(!list(f, entry: .caseParticipants).electronic.contains { $0.role == .mediaEService })
        #expect(list(f, entry: .exParte).electronic.map(\.name) == ["Avery Person", "Clerk Person"])
        #expect(list(f, entry: .sealed).electronic.map(\.name) == ["Clerk Person"])
        #expect(list(f, entry: .public, case: .sealed).electronic.map(\.name) == ["Clerk Person"])
        #expect(list(f, entry: .sealed).otherMeans.isEmpty)
    }
}
