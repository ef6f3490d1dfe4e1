import ECFDomain
import Foundation

/// A PACER account's docket webhooks in one court: made, listed, turned back on and deleted by
/// their owner (signed in, or with a personal API token of any scope).
public struct CourtWebhooks: Sendable {
    let context: CourtContext
    let allowPrivate: Bool

    public init(_ context: CourtContext, allowPrivate: Bool) {
        self.context = context
        self.allowPrivate = allowPrivate
    }

    public struct Made: Sendable {
        public let webhook: Webhook
        /// The signing secret, shown this once.
        public let secret: String
    }

    public func make(url: String, caseID: CaseID?, in court: OpenCourt, identity: CourtIdentity) async throws -> Made {
        try court.requireAvailable()
        let owner = try Self.owner(identity, court: court)
        let target: URL
        switch WebhookTarget.check(url.trimmingCharacters(in: .whitespaces), allowPrivate: allowPrivate) {
        case .success(let url): target = url
        case .failure(let problem): throw Self.invalid(problem)
        }
        if let caseID {
            // A case the owner may not see does not exist for them.
            _ = try await ReadCase(context)(caseID, in: court, identity: identity, withEntries: false)
        }
        let store = try await context.stores.webhooks(court.id)
        guard try await store.webhooks(of: owner).count < WebhookPolicy.maximumPerAccount else {
            throw CourtError(
                .invalid,
                "You have \(WebhookPolicy.maximumPerAccount) webhooks in this court, the most an account may have. Delete one first."
            )
        }
        let secret = WebhookPolicy.secretPrefix + context.secrets.token()
        let webhook = Webhook(
            id: WebhookID(context.ids.uuid()), owner: owner, caseID: caseID, url: target.absoluteString,
            secret: secret, createdAt: court.now)
        try await store.insert(webhook)
        return Made(webhook: webhook, secret: secret)
    }

    public func list(in court: OpenCourt, identity: CourtIdentity) async throws -> [Webhook] {
        try court.requireAvailable()
        return try await context.stores.webhooks(court.id).webhooks(of: try Self.owner(identity, court: court))
    }

    public func webhook(_ id: WebhookID, in court: OpenCourt, identity: CourtIdentity) async throws -> Webhook {
        try court.requireAvailable()
        let owner = try Self.owner(identity, court: court)
        guard let webhook = try await context.stores.webhooks(court.id).webhook(id), webhook.owner == owner else {
            throw CourtError(.notFound, "You have no webhook with this id in \(court.court.name).")
        }
        return webhook
    }

    public func delete(_ id: WebhookID, in court: OpenCourt, identity: CourtIdentity) async throws {
        let webhook = try await webhook(id, in: court, identity: identity)
        try await context.stores.webhooks(court.id).delete(webhook.id)
    }

    /// Turns a webhook that was disabled after failing back on.
    public func enable(_ id: WebhookID, in court: OpenCourt, identity: CourtIdentity) async throws -> Webhook {
        let webhook = try await webhook(id, in: court, identity: identity)
        let store = try await context.stores.webhooks(court.id)
        try await store.enable(webhook.id)
        return try await store.webhook(webhook.id) ?? webhook
    }

    static func owner(_ identity: CourtIdentity, court: OpenCourt) throws -> AccountID {
        guard case .pacer(let profile, _) = identity else {
            throw CourtError(
                .notSignedIn,
                "Sign in with your PACER account (or send a personal API token) to manage webhooks in \(court.court.name)."
            )
        }
        return profile.accountID
    }

    static func invalid(_ problem: WebhookTarget.Problem) -> CourtError {
        let message =
            switch problem {
            case .notAURL: "Give the full address of your receiver, starting with https://."
            case .notHTTPS: "The receiver's address must start with https://, so that entries travel encrypted."
            case .credentialsInURL:
                "Leave the user name and password out of the address; check the signature of each delivery instead."
            case .privateAddress:
                "This address is on a private or local network, which this server does not deliver to. Use a public https:// address."
            case .tooLong: "The address is too long (at most \(WebhookPolicy.maximumURLLength) characters)."
            }
        return CourtError(.invalid, message, fields: ["url": message])
    }
}
