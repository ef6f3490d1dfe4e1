/// Where a PACER account stands.
public enum AccountStatus: String, Sendable, Codable, CaseIterable {
    /// Registered; the e-mail address is not yet verified, so it cannot sign in.
    case pendingVerification
    /// Held for review by the PACER Service Center because it may duplicate another person's account.
    case heldForReview
    case active
    /// Locked after repeated failed sign-ins, until `lockedUntil`.
    case locked
    case deactivated
}
