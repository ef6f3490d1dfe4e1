import ECFDocuments
import ECFDomain
import ECFServices
import Foundation

/// A case made up for trying the system at scale and for checking what other programs read of it:
/// many parties (some terminated) with names in many scripts and with characters HTML escapes,
/// entries with attachments, unnumbered minute entries, docket text with `<`, `&` and quotes. The
/// same seed gives the same case. Written through the same services as real filings, the entries
/// in one transaction.
public enum GeneratedCase {
    public struct Options: Sendable {
        public var parties: Int
        public var entries: Int
        public var seed: Int
        /// Attorneys of record made for the case besides its filer, each to be noticed (a large
        /// case's service list: every filing mails each of them a Notice of Electronic Filing).
        public var counsel: Int

        public init(parties: Int = 12, entries: Int = 40, seed: Int = 1, counsel: Int = 0) {
            self.parties = parties
            self.entries = entries
            self.seed = seed
            self.counsel = counsel
        }
    }

    public struct Summary: Sendable, Encodable {
        public let court: String
        public let caseId: Int64
        public let caseNumber: String
        public let title: String
        public let parties: Int
        public let terminatedParties: Int
        public let entries: Int
        public let numberedEntries: Int
        public let documents: Int
        public let counsel: Int
    }

    /// Names from many places, and a few with what HTML and CSV escape.
    static let names = [
        "Zoë Ångström-Björk", "李小龍 Holdings Ltd.", "O'Brien & Sons <Holdings>, LLC", "José Núñez García",
        "Société Générale S.A.", "Ærøskøbing Fisk ApS", "Đặng Thị Hương", "Müller & Co. KG",
        "\"Quoted\" Widgets, Inc.", "Nguyễn Văn An", "Ольга Смирнова", "Αθηνά Παπαδοπούλου", "محمد الحسن",
        "Anne-Marie O'Neil", "Søren Kierkegaard Trust", "Łukasz Żółkiewski",
    ]

    public static func generate(
        in courtID: String, _ options: Options, context: CourtContext, blobs: FileBlobStore, temporary: URL
    ) async throws -> Summary {
        let court = try await context.court(courtID)
        try court.requireAvailable()
        let docket = try await context.stores.docket(court.id)
        let accounts = try await court.store.accounts().filter { $0.status == .active }
        let attorneys = accounts.filter { $0.role == .attorney }
        guard let filer = attorneys.first else {
            throw CourtError(.invalid, "\(courtID) has no attorney account to file the generated case.")
        }
        let pdf = SimplePDF(pages: [["GENERATED DOCUMENT", "For trying OpenECF; no real filing."]])
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let file = temporary.appendingPathComponent("generated-\(UUID().uuidString).pdf")
        try pdf.data().write(to: file)
        let kept = try await blobs.keep(file)
        func upload(_ description: String) -> RecordEntry.Upload {
            .init(
                description: description, originalFileName: "\(description).pdf", pages: pdf.pages.count,
                bytes: kept.bytes, sha256: kept.sha256)
        }
        let count = max(options.parties, 2)
        let partyNames = (0..<count).map { index in
            names[(index + options.seed) % names.count] + (index >= names.count ? " \(index / names.count + 1)" : "")
        }
        let bankruptcy = court.court.kind == .bankruptcy
        let opened: OpenCase.Opened
        if bankruptcy {
            opened = try await OpenBankruptcyCase(
                store: docket, court: court.court, clock: context.clock, random: SystemRandomSource())(
                    .init(
                        debtor: partyNames[0], jointDebtor: partyNames[1], chapter: .seven, trustee: "Jordan Trustee",
                        documents: [upload("Voluntary Petition"), upload("Schedules")]),
                    by: filer, judges: accounts)
        } else {
            let parties = partyNames.enumerated().map { index, name in
                CaseOpeningForm.NewParty(
                    name: name, type: index % 2 == 0 ? .plaintiff : .defendant, represented: index % 4 == 0)
            }
            opened = try await OpenCase(
                store: docket, court: court.court, clock: context.clock, random: SystemRandomSource())(
                    .init(
                        cover: .init(
                            title: "\(partyNames[0]) v. \(partyNames[1])", natureOfSuit: NatureOfSuit.named(190)!,
                            cause: "28:1332 Diversity-Breach of Contract", jurisdiction: "Diversity",
                            juryDemand: "Both", demand: "$9,999,000", parties: parties),
                        complaint: upload("Complaint")),
                    by: filer, judges: accounts)
        }
        let caseID = opened.courtCase.id
        // Bankruptcy: the rest are creditors.
        if bankruptcy {
            try await docket.transaction { transaction in
                for name in partyNames.dropFirst(2) {
                    _ = try await transaction.insert(party: name, type: .creditor, in: caseID)
                }
            }
        }
        // Every third party after the first two (the trustee aside) is terminated, on the day the
        // case was filed.
        let parties = try await docket.parties(of: caseID)
        let terminated = parties.enumerated().filter { $0.offset >= 2 && $0.offset % 3 == 2 }.map(\.element)
            .filter { $0.type != .trustee }
        try await docket.transaction { transaction in
            for party in terminated {
                _ = try await transaction.terminate(party: party.id, in: caseID, on: opened.courtCase.dateFiled)
            }
        }
        try await appoint(
            options.counsel, counselIn: caseID,
            parties: parties.filter { party in !terminated.contains { $0.id == party.id } },
            court: court, docket: docket)
        let kind = court.court.kind
        let motion = EventCatalog.event(bankruptcy ? "motionRelief" : "motionToDismiss", in: kind)!
        let order = EventCatalog.event("order", in: kind)!
        let minute = EventCatalog.event("minuteEntry", in: kind)!
        let notice = EventCatalog.event("noticeOfAppearance", in: kind)!
        var planned: [RecordEntry.Planned] = []
        var numbered = 1
        for index in 1..<max(options.entries, 1) {
            let party = parties[index % parties.count].name
            let attorney = attorneys[index % attorneys.count]
            let signature = (attorney.lastName, attorney.firstName)
            if index % 5 == 0 {
                planned.append(
                    .init(
                        event: minute,
                        text:
                            "MINUTE ENTRY: Status conference held on \(index)/1. Counsel for \(party) present; <no ruling> & \"no objection\" noted.",
                        filedBy: nil, uploads: []))
                continue
            }
            numbered += 1
            switch index % 3 {
            case 0:
                planned.append(
                    .init(
                        event: order,
                        text:
                            "ORDER granting [\(max(numbered - 1, 1))] \(motion.name) as to \(party) — § 1292(b) & Rule 54(b).",
                        filedBy: nil, uploads: [upload("Order")]))
            case 1:
                let attachments = index % 4 == 1 ? ["Exhibit A", "Exhibit B <sealed? no>"] : []
                planned.append(
                    .init(
                        event: motion,
                        text: DocketText.compose(
                            event: motion, added: "(\"expedited\") re: claims of \(party)",
                            filers: [.init(type: "Party", name: party)], attachments: attachments,
                            filedBy: signature),
                        filedBy: attorney.id, uploads: [upload(motion.name)] + attachments.map(upload)))
            default:
                planned.append(
                    .init(
                        event: notice,
                        text: DocketText.compose(
                            event: notice, added: "by \(attorney.fullName) on behalf of \(party)",
                            filers: [.init(type: "Party", name: party)], attachments: [], filedBy: signature),
                        filedBy: attorney.id, uploads: [upload(notice.name)]))
            }
        }
        let recorded = try await RecordEntry(store: docket, court: court.court, clock: context.clock).recordAll(
            caseID: caseID, planned)
        let all = [opened.entry] + recorded
        return Summary(
            court: courtID, caseId: caseID.rawValue, caseNumber: opened.courtCase.number.description,
            title: opened.courtCase.title, parties: parties.count, terminatedParties: terminated.count,
            entries: all.count, numberedEntries: all.filter { $0.number != nil }.count,
            documents: all.map(\.documents.count).reduce(0, +), counsel: options.counsel)
    }

    /// Makes `count` attorney accounts (without a password: they could sign in only once linked)
    /// and each attorney of record, to be noticed, for one of the (remaining) parties in turn.
    static func appoint(
        _ count: Int, counselIn caseID: CaseID, parties: [Party], court: OpenCourt, docket: any DocketStore
    ) async throws {
        guard count > 0 else { return }
        let counsel = (0..<count).map { index in
            CourtAccount.madeUpAttorney(
                id: CourtAccountID(UUID()), court: court.id, login: "counsel\(caseID.rawValue)x\(index + 1)",
                firstName: "Counsel", lastName: "Number \(index + 1)", barNumber: 500_000 + index)
        }
        try await court.store.transaction { transaction in
            for account in counsel { try await transaction.insert(account) }
        }
        try await docket.transaction { transaction in
            for (index, account) in counsel.enumerated() {
                try await transaction.insert(
                    Participation(
                        caseID: caseID, partyID: parties[index % parties.count].id, account: account.id,
                        kind: .attorney([.toBeNoticed])))
            }
        }
    }
}
