import ECFDomain
import Foundation

/// What every account use case needs, handed in once by the composition root.
public struct AccountsContext: Sendable {
    public let store: any AccountStore
    public let hasher: any PasswordHasher
    public let secrets: any SecretGenerator
    public let clock: any Clock
    public let ids: any IDGenerator
    public let mails: AccountMails

    public init(
        store: any AccountStore, hasher: any PasswordHasher, secrets: any SecretGenerator, clock: any Clock,
        ids: any IDGenerator, mails: AccountMails
    ) {
        self.store = store
        self.hasher = hasher
        self.secrets = secrets
        self.clock = clock
        self.ids = ids
        self.mails = mails
    }

    /// Today in the PSC's time zone (Central, where the PACER Service Center is).
    var today: DateOnly { DateOnly(clock.now, in: TimeZone(identifier: "America/Chicago")!) }

    func outbox(_ mail: OutgoingMail, id: UUID) throws -> OutboxMessage {
        try OutboxMessage.mail(mail, id: OutboxMessageID(id), at: clock.now)
    }
}
