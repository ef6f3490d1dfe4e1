import ECFDomain
import Foundation

/// Opens a bankruptcy case by voluntary petition: the case number `O:YY-bk-NNNNN-JJ` (a judge
/// drawn among the court's judges), the debtor (and joint debtor) and the trustee as parties, the
/// filing attorney as attorney of record for the debtors, and the petition as entry 1 with its
/// schedules as attachments — all in one transaction.
///
/// Source: Fed. R. Bankr. P. 1002 (a case begins with the petition), 11 U.S.C. § 302 (a joint
/// petition), § 701 (the interim trustee); the case is captioned with the debtor's name.
public struct OpenBankruptcyCase: Sendable {
    public struct Petition: Sendable, Equatable {
        public let debtor: String
        public let jointDebtor: String?
        public let chapter: BankruptcyChapter
        public let trustee: String?
        /// The petition, then its attachments (schedules, statements).
        public let documents: [RecordEntry.Upload]

        public init(
            debtor: String, jointDebtor: String? = nil, chapter: BankruptcyChapter, trustee: String? = nil,
            documents: [RecordEntry.Upload]
        ) {
            self.debtor = debtor
            self.jointDebtor = jointDebtor
            self.chapter = chapter
            self.trustee = trustee
            self.documents = documents
        }
    }

    let store: any DocketStore
    let court: FederalCourt
    let clock: any Clock
    let random: any RandomSource
    let office: Int

    public init(
        store: any DocketStore, court: FederalCourt, clock: any Clock, random: any RandomSource, office: Int = 1
    ) {
        self.store = store
        self.court = court
        self.clock = clock
        self.random = random
        self.office = office
    }

    public func callAsFunction(_ petition: Petition, by attorney: CourtAccount, judges: [CourtAccount]) async throws
        -> OpenCase.Opened
    {
        guard court.kind == .bankruptcy else {
            throw CourtError(.invalid, "A bankruptcy petition is filed in a bankruptcy court.")
        }
        guard let event = EventCatalog.event("voluntaryPetition\(petition.chapter.rawValue)", in: .bankruptcy) else {
            throw CourtError(
                .invalid, "Petitions under \(petition.chapter.label) are not filed electronically here yet.",
                fields: ["chapter": "Choose chapter 7 or chapter 13."])
        }
        let filed = DateOnly(clock.now, in: court.timeZone)
        let initials = OpenCase.drawJudge(among: judges, random: random)
        let office = self.office
        let record = RecordEntry(store: store, court: court, clock: clock)
        return try await store.transaction { transaction in
            let sequence = try await transaction.nextCaseSequence(office: office, year: filed.year % 100, type: .bk)
            guard
                let number = CaseNumber(
                    office: office, year: filed.year % 100, type: .bk, sequence: sequence, assignedJudge: initials)
            else { throw DocketFull() }
            let draft = CourtCase(
                id: CaseID(0), number: number, title: petition.debtor, natureOfSuit: nil, juryDemand: "",
                dateFiled: filed, chapter: petition.chapter)
            let caseID = try await transaction.insert(caseWithNumber: number, draft)
            var filers: [DocketText.Filer] = []
            let debtors =
                [(petition.debtor, PartyType.debtor)] + (petition.jointDebtor.map { [($0, .jointDebtor)] } ?? [])
            for (name, type) in debtors {
                let id = try await transaction.insert(party: name, type: type, in: caseID)
                try await transaction.insert(
                    Participation(caseID: caseID, partyID: id, account: attorney.id, kind: .attorney([.lead])))
                filers.append(.init(type: type.label, name: name))
            }
            if let trustee = petition.trustee {
                _ = try await transaction.insert(party: trustee, type: .trustee, in: caseID)
            }
            let text = DocketText.compose(
                event: event, added: petition.chapter == .seven ? "for Individuals" : nil,
                fee: (FeeSchedule.amount(event.fee), nil), filers: filers,
                attachments: petition.documents.dropFirst().map(\.description),
                filedBy: (attorney.lastName, attorney.firstName))
            let entry = try await record.record(
                in: transaction, caseID: caseID, event: event, text: text, filedBy: attorney.id,
                uploads: petition.documents, restriction: .public, outbox: [])
            try await transaction.enqueue(.locator(caseID, at: clock.now))
            let opened = CourtCase(
                id: caseID, number: number, title: draft.title, natureOfSuit: nil, juryDemand: "", dateFiled: filed,
                chapter: petition.chapter)
            return OpenCase.Opened(courtCase: opened, entry: entry)
        }
    }
}
