/// The type letters of a case number.
///
/// Source: CM/ECF case numbers (DESIGN.md): `cv` civil, `cr` criminal, `mc` miscellaneous,
/// `mj` magistrate judge, `bk` bankruptcy, `ap` adversary proceeding.
public enum CaseType: String, Sendable, Codable, CaseIterable {
    case cv, cr, mc, mj, bk, ap

    public var label: String {
        switch self {
        case .cv: "Civil"
        case .cr: "Criminal"
        case .mc: "Miscellaneous"
        case .mj: "Magistrate judge"
        case .bk: "Bankruptcy"
        case .ap: "Adversary proceeding"
        }
    }
}
