import ECFDomain
import Foundation
import Synchronization

/// Signs a person in at the PSC with username and password, starting a Central Sign-On session.
/// An unknown username and a wrong password get the same answer, after the same work.
public struct SignIn: Sendable {
    public struct Attempt: Sendable {
        public let username: String
        public let password: String
        public let otp: String?
        /// Where the attempt comes from (the client address), for the per-client limit.
        public let client: String

        public init(username: String, password: String, otp: String? = nil, client: String) {
            self.username = username
            self.password = password
            self.otp = otp
            self.client = client
        }
    }

    public struct SignedIn: Sendable, Equatable {
        public let account: PacerAccount
        public let session: SignInSession
    }

    let context: AccountsContext
    let clients: ClientFailureCounter
    /// A bcrypt hash of nothing anyone knows: an unknown username costs as much as a known one.
    let decoyHash: String

    public init(_ context: AccountsContext, clients: ClientFailureCounter, decoyHash: String) {
        self.context = context
        self.clients = clients
        self.decoyHash = decoyHash
    }

    static let invalid = AccountError(
        .invalidCredentials, "The username or password is not right. Check both and try again.")

    public func callAsFunction(_ attempt: Attempt) async throws -> SignedIn {
        let now = context.clock.now
        if clients.isBlocked(attempt.client, at: now) {
            throw AccountError(
                .tooSoon, "Too many failed sign-ins from your network. Wait 15 minutes and try again.")
        }
        guard let username = Username(attempt.username),
            let account = try await context.store.account(username: username)
        else {
            _ = await context.hasher.verify(attempt.password, against: decoyHash)
            clients.record(attempt.client, at: now)
            throw Self.invalid
        }
        if let until = account.lockedUntil, until > now {
            throw AccountError(
                .locked,
                "This account is locked after repeated failed sign-ins. Try again after \(until.formatted(.iso8601)), or reset your password."
            )
        }
        let failures = try await context.store.failedSignIns(account.id)
        let wait = SignInThrottle.delay(afterFailures: failures.count)
        // Stored instants come back rounded, so no wait means no comparison at all.
        if wait > 0, let last = failures.last, now < last.addingTimeInterval(wait) {
            throw AccountError(.tooSoon, "Wait a few seconds before trying again.")
        }
        guard await context.hasher.verify(attempt.password, against: account.passwordHash) else {
            try await recordFailure(account, client: attempt.client, at: now)
            throw Self.invalid
        }
        switch account.status {
        case .pendingVerification:
            throw AccountError(
                .emailUnverified,
                "Verify your e-mail address first: open the link we e-mailed to \(account.email.address).")
        case .heldForReview:
            throw AccountError(
                .heldForReview,
                "This registration is held for review by the PACER Service Center because another account may belong to the same person."
            )
        case .deactivated:
            throw AccountError(.notAllowed, "This account is deactivated. Contact the PACER Service Center.")
        case .active, .locked:
            break
        }
        if try await context.store.twoStepVerificationIsOn(account.id) {
            guard let otp = attempt.otp, !otp.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw AccountError(
                    .mfaRequired,
                    "Enter the 6-digit code from your authenticator app, or one of your backup codes.")
            }
            guard try await TwoStepVerification(context: context).accept(otp, for: account.id) else {
                try await recordFailure(account, client: attempt.client, at: now)
                throw AccountError(
                    .mfaRequired,
                    "That code is not right, or was used already. Enter the code your app shows now, or an unused backup code."
                )
            }
        }
        let session = SignInSession(id: SessionID(context.ids.uuid()), accountID: account.id, createdAt: now)
        var unlocked = account
        unlocked.lockedUntil = nil
        if unlocked.status == .locked { unlocked.status = .active }
        try await context.store.transaction { [unlocked] transaction in
            try await transaction.clearFailedSignIns(unlocked.id)
            if unlocked != account { try await transaction.update(unlocked) }
            try await transaction.insert(session)
        }
        return SignedIn(account: unlocked, session: session)
    }

    private func recordFailure(_ account: PacerAccount, client: String, at now: Date) async throws {
        clients.record(client, at: now)
        let context = self.context
        let locked = try await context.store.transaction { transaction in
            let count = try await transaction.recordFailedSignIn(account.id, at: now)
            guard SignInThrottle.locks(afterFailures: count) else { return false }
            var locked = account
            locked.status = .locked
            locked.lockedUntil = now.addingTimeInterval(SignInThrottle.lockDuration)
            try await transaction.update(locked)
            try await transaction.clearFailedSignIns(account.id)
            let mail = context.mails.accountLocked(UUID(), to: account, until: locked.lockedUntil!)
            try await transaction.enqueue(try context.outbox(mail, id: UUID()))
            return true
        }
        if locked {
            throw AccountError(
                .locked,
                "This account is now locked for 30 minutes after repeated failed sign-ins. We e-mailed its owner.")
        }
    }
}

/// Failed sign-ins per client address in a sliding window, kept in memory by each process.
public final class ClientFailureCounter: Sendable {
    private let failures = Mutex<[String: [Date]]>([:])

    public init() {}

    public func record(_ client: String, at instant: Date) {
        failures.withLock { all in
            var list = all[client, default: []].filter { instant.timeIntervalSince($0) < SignInThrottle.clientWindow }
            list.append(instant)
            all[client] = list
        }
    }

    public func isBlocked(_ client: String, at instant: Date) -> Bool {
        failures.withLock { all in
            let recent = all[client, default: []].filter { instant.timeIntervalSince($0) < SignInThrottle.clientWindow }
            all[client] = recent.isEmpty ? nil : recent
            return recent.count >= SignInThrottle.clientFailureLimit
        }
    }
}
