import ECFDomain
import Foundation

/// Why a court request was refused, with a stable code for the API and words for a person.
public struct CourtError: Error, Equatable, Sendable {
    public enum Code: String, Sendable {
        case invalid
        case courtNotFound = "court_not_found"
        case notFound = "not_found"
        case loginTaken = "login_taken"
        case invalidCredentials = "invalid_credentials"
        case invalidToken = "invalid_token"
        case locked
        case rateLimited = "rate_limited"
        case notSignedIn = "not_signed_in"
        case notClerk = "not_clerk"
        case courtUnavailable = "court_unavailable"
        case courtNotNextGen = "court_not_nextgen"
        case courtOnNextGen = "court_on_nextgen"
        case courtStillLegacy = "court_still_legacy"
        case cutoverDone = "cutover_done"
        case pacerAccountNotUpgraded = "pacer_account_not_upgraded"
        case pacerAccountNotActive = "pacer_account_not_active"
        case pacerAccountNotIndividual = "pacer_account_not_individual"
        case alreadyLinked = "already_linked"
        case notLinked = "not_linked"
        case roleMayNotFile = "role_may_not_file"
        case courtAccountDisabled = "court_account_disabled"
        case alreadyRequested = "already_requested"
        case alreadyDecided = "already_decided"
        case notAllowedToFile = "not_allowed_to_file"
        case redactionNotAcknowledged = "redaction_not_acknowledged"
        case paymentRequired = "payment_required"
        case paymentDeclined = "payment_declined"
        case paymentUnavailable = "payment_unavailable"
        case notMediaAccount = "not_media_account"
        case insufficientScope = "insufficient_scope"
    }

    public let code: Code
    public let message: String
    public let fields: [String: String]
    /// For `courtUnavailable`: the seconds until the court is back.
    public let retryAfter: Int?

    public init(_ code: Code, _ message: String, fields: [String: String] = [:], retryAfter: Int? = nil) {
        self.code = code
        self.message = message
        self.fields = fields
        self.retryAfter = retryAfter
    }

    public static func invalid(_ problems: FieldProblems, _ message: String = "Some answers need another look.")
        -> CourtError
    {
        CourtError(.invalid, message, fields: problems.byField)
    }
}

extension CourtError: CustomStringConvertible {
    /// One line for the command line: the message, then each field's problem.
    public var description: String {
        ([message] + fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }).joined(separator: " ")
    }
}
