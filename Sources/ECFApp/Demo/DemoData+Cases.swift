import ECFDocuments
import ECFDomain
import ECFServices
import Foundation

/// Two cases in `nysd` and in `cacd` for a newcomer to look at: parties, attorneys of record on
/// both sides, entries with generated text PDFs, an unnumbered minute entry and one sealed order.
extension DemoData {
    static func seedCases(_ context: CourtContext, blobs: FileBlobStore, temporary: URL) async throws {
        for courtID in ["nysd", "cacd"] {
            let court = try await context.court(courtID)
            let docket = try await context.stores.docket(court.id)
            guard let attorney = try await court.store.account(login: CourtLogin(courtAttorneyLogin)!) else { continue }
            func upload(_ description: String, _ lines: [String], signedBy signer: String = "Avery Attorney")
                async throws -> RecordEntry.Upload
            {
                try await demoUpload(description, lines, signedBy: signer, blobs: blobs, temporary: temporary)
            }
            let opened = try await OpenCase(
                store: docket, court: court.court, clock: context.clock, random: SystemRandomSource())(
                    .init(
                        cover: .init(
                            title: "Roe v. Bolt Fasteners, Inc.", natureOfSuit: NatureOfSuit.named(442)!,
                            cause: "42:2000e Job Discrimination (Employment)", jurisdiction: "Federal Question",
                            juryDemand: "Plaintiff", demand: "$250,000",
                            parties: [
                                .init(name: "Jane Roe", type: .plaintiff, represented: true),
                                .init(name: "Bolt Fasteners, Inc.", type: .defendant, represented: false),
                            ]),
                        complaint: try await upload(
                            "Complaint",
                            ["COMPLAINT FOR EMPLOYMENT DISCRIMINATION", "Plaintiff Jane Roe alleges as follows."])),
                    by: attorney, judges: try await court.store.accounts())
            let record = RecordEntry(store: docket, court: court.court, clock: context.clock)
            let motion = EventCatalog.event("motionExtendTime")!
            _ = try await record(
                caseID: opened.courtCase.id, event: motion,
                text: DocketText.compose(
                    event: motion, added: "to Serve Defendant", filers: [.init(type: "Plaintiff", name: "Jane Roe")],
                    attachments: ["Exhibit A"], filedBy: (attorney.lastName, attorney.firstName)),
                filedBy: attorney.id,
                uploads: [
                    try await upload("Motion", ["MOTION FOR EXTENSION OF TIME", "Plaintiff asks for 30 more days."]),
                    try await upload("Exhibit A", ["EXHIBIT A", "Declaration of the process server."]),
                ])
            let minute = EventCatalog.event("minuteEntry")!
            _ = try await record(
                caseID: opened.courtCase.id, event: minute,
                text: "MINUTE ENTRY: Scheduling conference set for a date to be announced.", filedBy: nil, uploads: [])
            let order = EventCatalog.event("order")!
            _ = try await record(
                caseID: opened.courtCase.id, event: order, text: "SEALED ORDER.", filedBy: nil,
                uploads: [try await upload("Sealed order", ["SEALED ORDER", "Filed under seal."])], restriction: .sealed
            )
            // A second case: Lee Jordan for the plaintiff; Avery appeared for the defendant and answered.
            guard let lee = try await court.store.account(login: CourtLogin(courtLegacyLogin)!) else { continue }
            let second = try await OpenCase(
                store: docket, court: court.court, clock: context.clock, random: SystemRandomSource())(
                    .init(
                        cover: .init(
                            title: "Northwind Shipping Co. v. Bluewater Logistics, Inc.",
                            natureOfSuit: NatureOfSuit.named(190)!, cause: "28:1332 Diversity-Breach of Contract",
                            jurisdiction: "Diversity", juryDemand: "None", demand: "$1,200,000",
                            parties: [
                                .init(name: "Northwind Shipping Co.", type: .plaintiff, represented: true),
                                .init(name: "Bluewater Logistics, Inc.", type: .defendant, represented: false),
                                // Pro se, not registered for e-service: served by other means.
                                .init(name: "Sam Rivera", type: .interestedParty, represented: false),
                            ]),
                        complaint: try await upload(
                            "Complaint", ["COMPLAINT FOR BREACH OF CONTRACT", "Plaintiff Northwind Shipping Co."],
                            signedBy: "Lee Jordan")),
                    by: lee, judges: try await court.store.accounts())
            let caseID = second.courtCase.id
            guard let defendant = try await docket.parties(of: caseID).first(where: { $0.type == .defendant }) else {
                continue
            }
            try await docket.transaction { transaction in
                try await transaction.insert(
                    Participation(caseID: caseID, partyID: defendant.id, account: attorney.id, kind: .attorney([.lead]))
                )
            }
            let filer = DocketText.Filer(type: "Defendant", name: defendant.name)
            for (eventID, title) in [("noticeOfAppearance", "NOTICE OF APPEARANCE"), ("answer", "ANSWER")] {
                let event = EventCatalog.event(eventID)!
                _ = try await record(
                    caseID: caseID, event: event,
                    text: DocketText.compose(
                        event: event, added: eventID == "noticeOfAppearance" ? "by Avery Attorney" : nil,
                        filers: [filer], attachments: [], filedBy: (attorney.lastName, attorney.firstName)),
                    filedBy: attorney.id,
                    uploads: [try await upload(event.name, [title, "Defendant Bluewater Logistics, Inc."])])
            }
            // In cacd the court has written its reasons: a written opinion, free to everyone.
            if courtID == "cacd", let opinion = EventCatalog.event("memorandumOpinion") {
                _ = try await record(
                    caseID: caseID, event: opinion,
                    text:
                        "MEMORANDUM OPINION AND ORDER denying in part the motion to dismiss for lack of personal jurisdiction.",
                    filedBy: nil,
                    uploads: [
                        try await upload(
                            "Memorandum opinion",
                            ["MEMORANDUM OPINION AND ORDER", "The Court has specific jurisdiction over Bluewater."],
                            signedBy: "Judge of the United States District Court")
                    ])
            }
        }
        try await seedBankruptcyCase(context, blobs: blobs, temporary: temporary)
    }

    /// A text PDF of one page and a signature page, kept in the blob store.
    static func demoUpload(
        _ description: String, _ lines: [String], signedBy signer: String, blobs: FileBlobStore, temporary: URL
    ) async throws -> RecordEntry.Upload {
        let pdf = SimplePDF(pages: [lines, ["Respectfully submitted,", "/s/ \(signer)"]])
        let file = temporary.appendingPathComponent("demo-\(UUID().uuidString).pdf")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        try pdf.data().write(to: file)
        let kept = try await blobs.keep(file)
        return RecordEntry.Upload(
            description: description, originalFileName: "\(description).pdf", pages: pdf.pages.count,
            bytes: kept.bytes, sha256: kept.sha256)
    }

    /// A chapter 7 case in `nysb`: Avery for the debtor, a trustee, the petition with its schedules,
    /// the meeting of creditors (an unnumbered minute entry) and the discharge order.
    static func seedBankruptcyCase(_ context: CourtContext, blobs: FileBlobStore, temporary: URL) async throws {
        let court = try await context.court("nysb")
        let docket = try await context.stores.docket(court.id)
        guard let attorney = try await court.store.account(login: CourtLogin(courtAttorneyLogin)!) else { return }
        func upload(_ description: String, _ lines: [String]) async throws -> RecordEntry.Upload {
            try await demoUpload(description, lines, signedBy: "Avery Attorney", blobs: blobs, temporary: temporary)
        }
        let opened = try await OpenBankruptcyCase(
            store: docket, court: court.court, clock: context.clock, random: SystemRandomSource())(
                .init(
                    debtor: "María Elena Núñez", chapter: .seven, trustee: "Robert L. Geltzer",
                    documents: [
                        try await upload(
                            "Voluntary Petition", ["VOLUNTARY PETITION (CHAPTER 7)", "Debtor: María Elena Núñez"]),
                        try await upload("Schedules A-J", ["SCHEDULES A/B THROUGH J", "Assets and liabilities."]),
                    ]),
                by: attorney, judges: try await court.store.accounts())
        let record = RecordEntry(store: docket, court: court.court, clock: context.clock)
        _ = try await record(
            caseID: opened.courtCase.id, event: EventCatalog.event("minuteEntry", in: .bankruptcy)!,
            text: "Meeting of Creditors (341) held & concluded. Trustee's report of no distribution <filed>.",
            filedBy: nil, uploads: [])
        let order = EventCatalog.event("order", in: .bankruptcy)!
        _ = try await record(
            caseID: opened.courtCase.id, event: order, text: "ORDER OF DISCHARGE of Debtor María Elena Núñez.",
            filedBy: nil, uploads: [try await upload("Order of discharge", ["ORDER OF DISCHARGE", "11 U.S.C. § 727."])])
    }
}
