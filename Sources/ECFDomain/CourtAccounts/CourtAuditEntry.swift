import Foundation

/// One line of a court's append-only audit log.
public struct CourtAuditEntry: Sendable, Equatable {
    public enum Action: String, Sendable, Codable, CaseIterable {
        case accountCreated
        case accountDisabled
        case accountEnabled
        case linked
        case unlinked
        case planChanged
        case registrationApproved
        case registrationRejected
        case remindersSent
        /// Someone opened a document that is not public (who, which, from where).
        case restrictedDocumentViewed
        case entryModified
        case entryStricken
        case restrictionChanged
        /// A party was terminated from a case (or its termination undone).
        case partyTerminated
        case settingsChanged
        /// A PACER account's fee exemption in this court was granted or revoked.
        case feeExemptionChanged
    }

    public let id: UUID
    public let at: Date
    public let action: Action
    /// Who did it: `pacer:<username>`, `court:<login>` or `cli`.
    public let actor: String
    public let courtAccount: CourtAccountID?
    public let pacerAccount: AccountID?
    public let detail: String

    public init(
        id: UUID, at: Date, action: Action, actor: String, courtAccount: CourtAccountID? = nil,
        pacerAccount: AccountID? = nil, detail: String = ""
    ) {
        self.id = id
        self.at = at
        self.action = action
        self.actor = actor
        self.courtAccount = courtAccount
        self.pacerAccount = pacerAccount
        self.detail = detail
    }
}
