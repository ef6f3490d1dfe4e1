/// Why a court account may not make a filing.
public enum FilingRefusal: Error, Hashable, Sendable {
    /// Media e-service accounts receive notices and never file.
    case roleMayNotFile
    /// The event is not one this role may file (an attorney filing an order).
    case eventNotForRole(CourtRole)
    /// Only attorneys (and the clerk) open cases.
    case mayNotOpenCases
    /// Not attorney of record for, or not, a party to this case.
    case notAParticipant
    /// The filing names a party the filer does not represent.
    case notYourParty(Int64)

    /// The API's code.
    public var code: String {
        switch self {
        case .roleMayNotFile: "role_may_not_file"
        case .eventNotForRole: "event_not_for_role"
        case .mayNotOpenCases: "may_not_open_cases"
        case .notAParticipant: "not_a_participant"
        case .notYourParty: "not_your_party"
        }
    }
}

/// Who may file what in a case.
///
/// Source: the rules, after CM/ECF practice — attorneys open civil cases and file where
/// they represent a party (a Notice of Appearance makes them attorney of record); a pro se filer
/// only in its own case; media e-service accounts never file; the clerk files anything, on behalf
/// of anyone; judges (chambers) file orders.
public enum FilingAuthorization {
    /// - Parameters:
    ///   - participations: the filer's active participations in this case (empty when opening one).
    ///   - filers: the parties the filing is made for.
    public static func refusal(
        role: CourtRole, event: FilingEvent, opening: Bool, caseRestriction: Restriction,
        participations: [Participation], filers: [Int64]
    ) -> FilingRefusal? {
        if !role.mayEFile { return .roleMayNotFile }
        if !event.mayFile.contains(role) { return .eventNotForRole(role) }
        if role == .clerk || role == .judge { return nil }
        if opening {
            return event.opensCase && role == .attorney ? nil : .mayNotOpenCases
        }
        // In a sealed case its participants still file (their filings are sealed with it);
        // everyone else is refused below for not being a participant.
        if caseRestriction == .sealed, role == .attorney, event.id == "noticeOfAppearance" {
            return .notAParticipant
        }
        let active = participations.filter(\.isActive)
        // A Notice of Appearance is how an attorney becomes attorney of record.
        if role == .attorney, event.id == "noticeOfAppearance" { return nil }
        guard !active.isEmpty else { return .notAParticipant }
        let mine = Set(active.map(\.partyID))
        if let stranger = filers.first(where: { !mine.contains($0) }) { return .notYourParty(stranger) }
        return nil
    }
}
