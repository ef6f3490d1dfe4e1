import ECFDomain
import Foundation

/// Opens a civil case: the case number is assigned (the next sequence for the office, year and
/// type, with a judge drawn at random among the court's judges), the parties are recorded, the
/// filing attorney becomes attorney of record for the parties it represents, and the complaint is
/// entry 1 — all in one transaction.
public struct OpenCase: Sendable {
    public struct Opening: Sendable, Equatable {
        public typealias NewParty = CaseOpeningForm.NewParty

        /// The civil cover data and parties, checked.
        public let cover: CaseOpeningForm.Valid
        public let complaint: RecordEntry.Upload

        public init(cover: CaseOpeningForm.Valid, complaint: RecordEntry.Upload) {
            self.cover = cover
            self.complaint = complaint
        }
    }

    public struct Opened: Sendable, Equatable {
        public let courtCase: CourtCase
        public let entry: DocketEntry
    }

    let store: any DocketStore
    let court: FederalCourt
    let clock: any Clock
    let random: any RandomSource
    /// The office (division) new cases are numbered in.
    let office: Int

    public init(
        store: any DocketStore, court: FederalCourt, clock: any Clock, random: any RandomSource, office: Int = 2
    ) {
        self.store = store
        self.court = court
        self.clock = clock
        self.random = random
        self.office = office
    }

    /// - Parameters:
    ///   - payment: the civil filing fee paid (recorded with entry 1 and its receipt number in the text).
    ///   - idempotencyKey: remembered with entry 1, so the same opening again finds this case.
    ///   - serve: serves entry 1 in the same transaction, given the new parties and participations.
    public func callAsFunction(
        _ opening: Opening, by attorney: CourtAccount, judges: [CourtAccount], payment: Payment? = nil,
        idempotencyKey: String? = nil,
        serve: (@Sendable (any DocketTransaction, Opened, [Party], [Participation]) async throws -> Void)? = nil
    ) async throws -> Opened {
        let complaint = EventCatalog.event("complaint")!
        let filed = DateOnly(clock.now, in: TimeZone(identifier: court.timeZoneID) ?? .gmt)
        let initials = Self.drawJudge(among: judges, random: random)
        let office = self.office
        let record = RecordEntry(store: store, court: court, clock: clock)
        return try await store.transaction { transaction in
            let sequence = try await transaction.nextCaseSequence(office: office, year: filed.year % 100, type: .cv)
            guard
                let number = CaseNumber(
                    office: office, year: filed.year % 100, type: .cv, sequence: sequence, assignedJudge: initials)
            else { throw DocketFull() }
            let cover = opening.cover
            let draft = CourtCase(
                id: CaseID(0), number: number, title: cover.title, natureOfSuit: cover.natureOfSuit,
                cause: cover.cause, jurisdiction: cover.jurisdiction, juryDemand: cover.juryDemand,
                demand: cover.demand, dateFiled: filed)
            let caseID = try await transaction.insert(caseWithNumber: number, draft)
            var parties: [Party] = []
            var participations: [Participation] = []
            for party in opening.cover.parties {
                let id = try await transaction.insert(party: party.name, type: party.type, in: caseID)
                parties.append(Party(id: id, caseID: caseID, name: party.name, type: party.type))
                // The clerk opens cases for filers who are not attorneys of record through it.
                if party.represented, attorney.role == .attorney {
                    let participation = Participation(
                        caseID: caseID, partyID: id, account: attorney.id, kind: .attorney([.lead, .toBeNoticed]))
                    try await transaction.insert(participation)
                    participations.append(participation)
                }
            }
            let text = Self.complaintText(opening.cover.parties, by: attorney, receipt: payment?.receiptNumber)
            let entry = try await record.record(
                in: transaction, caseID: caseID, event: complaint, text: text, filedBy: attorney.id,
                uploads: [opening.complaint], restriction: .public, outbox: [])
            if let payment { try await transaction.insert(payment, for: entry, by: attorney.id) }
            if let idempotencyKey { try await transaction.remember(entry, forKey: idempotencyKey) }
            let opened = Opened(
                courtCase: CourtCase(
                    id: caseID, number: number, title: draft.title, natureOfSuit: draft.natureOfSuit,
                    cause: draft.cause,
                    jurisdiction: draft.jurisdiction, juryDemand: draft.juryDemand, demand: draft.demand,
                    dateFiled: filed),
                entry: entry)
            try await serve?(transaction, opened, parties, participations)
            try await transaction.enqueue(.locator(caseID, at: clock.now))
            return opened
        }
    }

    /// Entry 1's text: `COMPLAINT against Bolt Fasteners, Inc. (Filing fee $405.00, receipt number …)
    /// filed by Plaintiff Jane Roe. (Attorney, Avery)`.
    public static func complaintText(_ parties: [Opening.NewParty], by attorney: CourtAccount, receipt: String?)
        -> String
    {
        let against = parties.filter { !$0.represented && [.defendant, .respondent].contains($0.type) }.map(\.name)
            .joined(separator: ", ")
        return DocketText.compose(
            event: EventCatalog.event("complaint")!, added: against.isEmpty ? nil : "against \(against)",
            fee: (FeeSchedule.amount(.civilCaseFiling), receipt),
            filers: parties.filter(\.represented).map { .init(type: $0.type.label, name: $0.name) }, attachments: [],
            filedBy: (attorney.lastName, attorney.firstName))
    }

    /// The initials of a judge drawn at random among the court's active judges (nil when it has
    /// none), for a new case's number.
    static func drawJudge(among judges: [CourtAccount], random: any RandomSource) -> String? {
        let ordered = judges.filter { $0.role == .judge && $0.status == .active }.sorted {
            $0.login.canonical < $1.login.canonical
        }
        let judge = ordered.isEmpty ? nil : ordered[random.index(below: ordered.count)]
        return judge.flatMap { initials($0) }
    }

    /// A judge's initials as case numbers carry them: first and last name (`Otis Wright` → `OW`).
    public static func initials(_ judge: CourtAccount) -> String? {
        let letters = (judge.firstName.prefix(1) + judge.lastName.prefix(1)).uppercased()
            .filter { $0.isASCII && $0.isLetter }
        return letters.count == 2 ? letters : nil
    }
}
