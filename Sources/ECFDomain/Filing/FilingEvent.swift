/// One kind of filing in a court's event catalog: what it is, who may file it, whether it needs a
/// PDF, its fee, whether it opens a case, and how its docket text reads.
///
/// Source: CM/ECF's event menus (Civil → Initial Pleadings and Service, Motions and Related
/// Filings, …) and their docket-text conventions, as DESIGN.md describes the catalog.
public struct FilingEvent: Hashable, Sendable, Codable {
    public enum Category: String, Sendable, Codable, CaseIterable {
        case initialPleadings
        case motions
        case responses
        case trial
        case appeal
        case other
        case notices
        case orders

        public var label: String {
            switch self {
            case .initialPleadings: "Initial Pleadings and Service"
            case .motions: "Motions and Related Filings"
            case .responses: "Responses and Replies"
            case .trial: "Trial Documents"
            case .appeal: "Appeal Documents"
            case .other: "Other Filings"
            case .notices: "Notices"
            case .orders: "Orders and Minute Entries"
            }
        }
    }

    /// A stable id (`motionToDismiss`), used by the API.
    public let id: String
    public let name: String
    public let category: Category
    public let mayFile: Set<CourtRole>
    public let documentRequired: Bool
    public let fee: FeeSchedule.Item
    public let opensCase: Bool
    /// The docket text's leading words, CM/ECF style (`MOTION to Dismiss`).
    public let docketLabel: String
    /// Text-only clerk entries (minute entries) may go unnumbered.
    public let numbered: Bool

    public init(
        id: String, name: String, category: Category, mayFile: Set<CourtRole>, documentRequired: Bool = true,
        fee: FeeSchedule.Item = .none, opensCase: Bool = false, docketLabel: String, numbered: Bool = true
    ) {
        self.id = id
        self.name = name
        self.category = category
        self.mayFile = mayFile
        self.documentRequired = documentRequired
        self.fee = fee
        self.opensCase = opensCase
        self.docketLabel = docketLabel
        self.numbered = numbered
    }
}

/// The events each kind of court starts with.
public enum EventCatalog {
    static let parties: Set<CourtRole> = [.attorney, .proSeFiler, .clerk]
    static let chambers: Set<CourtRole> = [.judge, .clerk]

    public static let district: [FilingEvent] = [
        FilingEvent(
            id: "complaint", name: "Complaint", category: .initialPleadings, mayFile: [.attorney, .clerk],
            fee: .civilCaseFiling, opensCase: true, docketLabel: "COMPLAINT"),
        FilingEvent(
            id: "answer", name: "Answer to Complaint", category: .initialPleadings, mayFile: parties,
            docketLabel: "ANSWER to Complaint"),
        FilingEvent(
            id: "summonsReturned", name: "Summons Returned Executed", category: .initialPleadings, mayFile: parties,
            docketLabel: "SUMMONS Returned Executed"),
        FilingEvent(
            id: "motionToDismiss", name: "Motion to Dismiss", category: .motions, mayFile: parties,
            docketLabel: "MOTION to Dismiss"),
        FilingEvent(
            id: "motionForSummaryJudgment", name: "Motion for Summary Judgment", category: .motions, mayFile: parties,
            docketLabel: "MOTION for Summary Judgment"),
        FilingEvent(
            id: "motionExtendTime", name: "Motion for Extension of Time", category: .motions, mayFile: parties,
            docketLabel: "MOTION for Extension of Time to File"),
        FilingEvent(
            id: "responseInOpposition", name: "Response in Opposition to Motion", category: .responses,
            mayFile: parties,
            docketLabel: "RESPONSE in Opposition re Motion"),
        FilingEvent(
            id: "reply", name: "Reply to Response to Motion", category: .responses, mayFile: parties,
            docketLabel: "REPLY to Response to Motion"),
        FilingEvent(
            id: "exhibitList", name: "Exhibit List", category: .trial, mayFile: parties, docketLabel: "EXHIBIT LIST"),
        FilingEvent(
            id: "witnessList", name: "Witness List", category: .trial, mayFile: parties, docketLabel: "WITNESS LIST"),
        FilingEvent(
            id: "noticeOfAppeal", name: "Notice of Appeal", category: .appeal, mayFile: parties, fee: .noticeOfAppeal,
            docketLabel: "NOTICE OF APPEAL"),
        FilingEvent(
            id: "stipulation", name: "Stipulation", category: .other, mayFile: parties, docketLabel: "STIPULATION"),
        FilingEvent(
            id: "proposedOrder", name: "Proposed Order", category: .other, mayFile: parties,
            docketLabel: "PROPOSED ORDER"),
        FilingEvent(
            id: "noticeOfAppearance", name: "Notice of Appearance", category: .notices, mayFile: [.attorney, .clerk],
            docketLabel: "NOTICE of Appearance"),
        FilingEvent(
            id: "corporateDisclosure", name: "Corporate Disclosure Statement", category: .notices,
            mayFile: [.attorney, .clerk],
            docketLabel: "Corporate Disclosure Statement"),
        FilingEvent(id: "order", name: "Order", category: .orders, mayFile: chambers, docketLabel: "ORDER"),
        FilingEvent(
            id: "memorandumOpinion", name: "Memorandum Opinion and Order", category: .orders, mayFile: chambers,
            docketLabel: "MEMORANDUM OPINION AND ORDER"),
        FilingEvent(id: "opinion", name: "Opinion", category: .orders, mayFile: chambers, docketLabel: "OPINION"),
        FilingEvent(
            id: "transcript", name: "Transcript of Proceedings", category: .other, mayFile: [.clerk],
            docketLabel: "TRANSCRIPT of Proceedings"),
        FilingEvent(
            id: "minuteEntry", name: "Minute Entry", category: .orders, mayFile: [.clerk], documentRequired: false,
            docketLabel: "MINUTE ENTRY", numbered: false),
    ]

    /// Written opinions: the events whose documents set out the court's reasoned decision, listed
    /// in the written opinions report and free to view.
    ///
    /// Source: E-Government Act of 2002 § 205(a)(5) (courts post their written opinions, "any
    /// document issued by a judge … that sets forth a reasoned explanation for a court's
    /// decision"), and the EPA Fee Schedule (no fee for written opinions).
    public static let writtenOpinions: Set<String> = ["opinion", "memorandumOpinion"]

    /// The events a bankruptcy court starts with: a case is opened by petition, claims are filed
    /// on the claims register, relief from the automatic stay has its own fee.
    public static let bankruptcy: [FilingEvent] = [
        FilingEvent(
            id: "voluntaryPetition7", name: "Voluntary Petition (Chapter 7)", category: .initialPleadings,
            mayFile: [.attorney, .clerk], fee: .chapter7Petition, opensCase: true,
            docketLabel: "Chapter 7 Voluntary Petition"),
        FilingEvent(
            id: "voluntaryPetition13", name: "Voluntary Petition (Chapter 13)", category: .initialPleadings,
            mayFile: [.attorney, .clerk], fee: .chapter13Petition, opensCase: true,
            docketLabel: "Chapter 13 Voluntary Petition"),
        FilingEvent(
            id: "proofOfClaim", name: "Proof of Claim", category: .initialPleadings, mayFile: parties,
            docketLabel: "PROOF OF CLAIM"),
        FilingEvent(
            id: "motionRelief", name: "Motion for Relief from Stay", category: .motions, mayFile: parties,
            fee: .reliefFromStay, docketLabel: "MOTION for Relief from Stay"),
        FilingEvent(
            id: "objectionToClaim", name: "Objection to Claim", category: .responses, mayFile: parties,
            docketLabel: "OBJECTION to Claim"),
        FilingEvent(
            id: "noticeOfAppeal", name: "Notice of Appeal", category: .appeal, mayFile: parties, fee: .noticeOfAppeal,
            docketLabel: "NOTICE OF APPEAL"),
        FilingEvent(
            id: "noticeOfAppearance", name: "Notice of Appearance and Request for Notice", category: .notices,
            mayFile: [.attorney, .clerk], docketLabel: "NOTICE of Appearance and Request for Notice"),
        FilingEvent(id: "order", name: "Order", category: .orders, mayFile: chambers, docketLabel: "ORDER"),
        FilingEvent(
            id: "minuteEntry", name: "Minute Entry", category: .orders, mayFile: [.clerk], documentRequired: false,
            docketLabel: "MINUTE ENTRY", numbered: false),
    ]

    /// The catalog of a kind of court: bankruptcy courts have their own; every other court starts
    /// with the district catalog.
    public static func events(for kind: FederalCourt.Kind) -> [FilingEvent] {
        kind == .bankruptcy ? bankruptcy : district
    }

    public static func event(_ id: String, in kind: FederalCourt.Kind = .district) -> FilingEvent? {
        events(for: kind).first { $0.id == id }
    }
}
