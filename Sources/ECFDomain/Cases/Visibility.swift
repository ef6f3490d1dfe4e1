/// Who is looking at a case, as far as restriction levels care.
public enum Viewer: Sendable, Hashable {
    /// Anyone else: the public, signed in with PACER or not.
    case outsider
    /// A court account taking part in the case (attorney of record or pro se party).
    case participant(CourtAccountID)
    /// Court staff: the clerk's office and chambers.
    case court
}

/// What each restriction level lets each viewer see.
///
/// Source: DESIGN.md "Cases, filings, docket" — public; case participants only; sealed (court
/// users only); ex parte (court + filer). A sealed case is the court's alone.
public enum Visibility {
    public static func canSee(
        _ restriction: Restriction, caseRestriction: Restriction, filedBy: CourtAccountID?, viewer: Viewer
    ) -> Bool {
        if viewer == .court { return true }
        if caseRestriction == .sealed { return false }
        switch restriction {
        case .public: return true
        case .caseParticipants:
            if case .participant = viewer { return true }
            return false
        case .sealed: return false
        case .exParte:
            if case .participant(let account) = viewer { return account == filedBy }
            return false
        }
    }
}
