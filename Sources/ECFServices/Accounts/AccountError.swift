/// Why an account request was refused, with a stable code for the API and words for a person.
public struct AccountError: Error, Equatable, Sendable {
    public enum Code: String, Sendable {
        case invalid
        case duplicateEmail = "duplicate_account"
        case usernameTaken = "username_taken"
        case invalidToken = "invalid_token"
        case invalidCredentials = "invalid_credentials"
        case mfaRequired = "mfa_required"
        case emailUnverified = "email_unverified"
        case locked
        case heldForReview = "held_for_review"
        case notSignedIn = "not_signed_in"
        case notAllowed = "not_allowed"
        case tooSoon = "rate_limited"
        case insufficientScope = "insufficient_scope"
        case notFound = "not_found"
        /// The action needs two-step verification turned on for the account first.
        case twoStepNeeded = "two_step_verification_needed"
        /// The request came with a personal API token where only a signed-in person may act.
        case signInNeeded = "sign_in_needed"
    }

    public let code: Code
    public let message: String
    public let fields: [String: String]
    /// For `tooSoon`: the seconds to wait.
    public let retryAfter: Int?

    public init(_ code: Code, _ message: String, fields: [String: String] = [:], retryAfter: Int? = nil) {
        self.code = code
        self.message = message
        self.fields = fields
        self.retryAfter = retryAfter
    }
}
