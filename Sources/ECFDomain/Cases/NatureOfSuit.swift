/// The nature-of-suit code a civil case is opened under, with the label the docket shows.
///
/// Source: the civil cover sheet, Form JS 44 (Rev. 10/20), "Nature of Suit Code Descriptions";
/// the labels are the short forms CM/ECF dockets print ("Nature of Suit: 440 Civil Rights: Other").
public struct NatureOfSuit: Hashable, Sendable, Codable, CustomStringConvertible {
    public let code: Int
    public let label: String
    /// Whether Rule 5.2's protection of minors' names is likely to matter (education, juvenile,
    /// family-related civil rights, personal injury to children).
    public let minorsLikely: Bool

    init(_ code: Int, _ label: String, minorsLikely: Bool = false) {
        self.code = code
        self.label = label
        self.minorsLikely = minorsLikely
    }

    /// `440 Civil Rights: Other`
    public var description: String { "\(code) \(label)" }

    public static func named(_ code: Int) -> NatureOfSuit? { all.first { $0.code == code } }

    public static let all: [NatureOfSuit] = [
        NatureOfSuit(110, "Insurance"),
        NatureOfSuit(120, "Marine Contract"),
        NatureOfSuit(130, "Miller Act"),
        NatureOfSuit(140, "Negotiable Instrument"),
        NatureOfSuit(150, "Recovery of Overpayment & Enforcement of Judgment"),
        NatureOfSuit(160, "Stockholders' Suits"),
        NatureOfSuit(190, "Contract: Other"),
        NatureOfSuit(195, "Contract Product Liability"),
        NatureOfSuit(210, "Land Condemnation"),
        NatureOfSuit(220, "Real Property: Foreclosure"),
        NatureOfSuit(230, "Rent Lease & Ejectment"),
        NatureOfSuit(290, "Real Property: Other"),
        NatureOfSuit(310, "Airplane Personal Injury"),
        NatureOfSuit(320, "Assault, Libel, and Slander"),
        NatureOfSuit(330, "Federal Employers' Liability"),
        NatureOfSuit(340, "Marine Personal Injury"),
        NatureOfSuit(350, "Motor Vehicle"),
        NatureOfSuit(360, "Other Personal Injury", minorsLikely: true),
        NatureOfSuit(362, "Personal Injury - Medical Malpractice", minorsLikely: true),
        NatureOfSuit(365, "Personal Injury - Product Liability", minorsLikely: true),
        NatureOfSuit(367, "Personal Injury - Health Care/Pharmaceutical Personal Injury Product Liability"),
        NatureOfSuit(370, "Other Fraud"),
        NatureOfSuit(371, "Truth in Lending"),
        NatureOfSuit(380, "Other Personal Property Damage"),
        NatureOfSuit(410, "Antitrust"),
        NatureOfSuit(422, "Bankruptcy Appeal (801)"),
        NatureOfSuit(430, "Banks and Banking"),
        NatureOfSuit(440, "Civil Rights: Other", minorsLikely: true),
        NatureOfSuit(441, "Civil Rights: Voting"),
        NatureOfSuit(442, "Civil Rights: Jobs"),
        NatureOfSuit(443, "Civil Rights: Accommodations"),
        NatureOfSuit(445, "Civil Rights: Americans with Disabilities - Employment"),
        NatureOfSuit(446, "Civil Rights: Americans with Disabilities - Other", minorsLikely: true),
        NatureOfSuit(448, "Education", minorsLikely: true),
        NatureOfSuit(450, "Commerce ICC Rates, etc."),
        NatureOfSuit(460, "Deportation"),
        NatureOfSuit(470, "Racketeer Influenced and Corrupt Organizations"),
        NatureOfSuit(480, "Consumer Credit"),
        NatureOfSuit(485, "Telephone Consumer Protection Act (TCPA)"),
        NatureOfSuit(490, "Cable/Satellite TV"),
        NatureOfSuit(510, "Prisoner Petitions: Vacate Sentence"),
        NatureOfSuit(530, "Habeas Corpus (General)"),
        NatureOfSuit(540, "Prisoner: Mandamus & Other"),
        NatureOfSuit(550, "Prisoner: Civil Rights"),
        NatureOfSuit(555, "Prisoner: Prison Condition"),
        NatureOfSuit(710, "Labor: Fair Standards"),
        NatureOfSuit(720, "Labor: Labor/Mgt. Relations"),
        NatureOfSuit(740, "Railway Labor Act"),
        NatureOfSuit(751, "Family and Medical Leave Act"),
        NatureOfSuit(790, "Labor: Other"),
        NatureOfSuit(791, "Labor: E.R.I.S.A."),
        NatureOfSuit(820, "Copyright"),
        NatureOfSuit(830, "Patent"),
        NatureOfSuit(835, "Patent - Abbreviated New Drug Application (ANDA)"),
        NatureOfSuit(840, "Trademark"),
        NatureOfSuit(850, "Securities/Commodities/Exchange"),
        NatureOfSuit(861, "Social Security: HIA"),
        NatureOfSuit(863, "Social Security: DIWC/DIWW"),
        NatureOfSuit(864, "Social Security: SSID Title XVI"),
        NatureOfSuit(870, "Taxes (U.S. Plaintiff or Defendant)"),
        NatureOfSuit(890, "Other Statutory Actions"),
        NatureOfSuit(893, "Environmental Matters"),
        NatureOfSuit(895, "Freedom of Information Act"),
        NatureOfSuit(899, "Administrative Procedure Act/Review or Appeal of Agency Decision"),
        NatureOfSuit(950, "Constitutionality of State Statutes"),
    ]
}
