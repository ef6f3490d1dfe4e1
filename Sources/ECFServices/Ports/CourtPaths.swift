import ECFDomain

/// The paths of a court's pages that e-mails and readiness steps link to.
public enum CourtPaths {
    public static func home(_ court: CourtID) -> String { "/ecf/\(court.rawValue)/" }
    public static func signIn(_ court: CourtID) -> String { "/ecf/\(court.rawValue)/login" }
    public static func forgotPassword(_ court: CourtID) -> String { "/ecf/\(court.rawValue)/forgot-password" }
    public static func resetPassword(_ court: CourtID) -> String { "/ecf/\(court.rawValue)/reset-password" }
    public static func forgotLogin(_ court: CourtID) -> String { "/ecf/\(court.rawValue)/forgot-login" }
    public static func link(_ court: CourtID) -> String { "/ecf/\(court.rawValue)/link" }
    public static func readiness(_ court: CourtID) -> String { "/ecf/\(court.rawValue)/readiness" }
    public static func eFile(_ court: CourtID) -> String { "/ecf/\(court.rawValue)/efile" }
    public static func clerk(_ court: CourtID) -> String { "/ecf/\(court.rawValue)/clerk" }
    /// CM/ECF's docket report of a case.
    public static func docketReport(_ court: CourtID, _ caseID: CaseID) -> String {
        "/ecf/\(court.rawValue)/cgi-bin/DktRpt.pl?\(caseID.rawValue)"
    }
    /// The court's free search of docket text.
    public static func docketTextSearch(_ court: CourtID) -> String { "/ecf/\(court.rawValue)/search" }
    public static func eFileRegistration(_ court: CourtID) -> String {
        "/pacer/efile-registration?court=\(court.rawValue)"
    }
}
