import ECFDomain
import Foundation

/// Signing in with a court's own CM/ECF login, as on the legacy system: only while the court is on
/// legacy CM/ECF, with the same throttle as PACER sign-ins.
public struct LegacySignIn: Sendable {
    public struct SignedIn: Sendable {
        public let account: CourtAccount
        /// The secret the browser or program holds (a cookie, or `Authorization: Bearer`).
        public let token: String
        public let session: CourtSession
    }

    let context: CourtContext

    public init(_ context: CourtContext) {
        self.context = context
    }

    static let invalid = CourtError(
        .invalidCredentials, "The CM/ECF login or password is not right. Check both and try again.")

    public func callAsFunction(court typed: String, login: String, password: String, client: String) async throws
        -> SignedIn
    {
        let court = try await context.court(typed)
        try court.requireAvailable()
        if court.phase == .nextGen {
            throw CourtError(
                .courtOnNextGen,
                "\(court.court.name) now runs NextGen CM/ECF: court logins no longer sign in. Sign in with your PACER account, then link your CM/ECF login to it (once)."
            )
        }
        let now = court.now
        if context.clients.isBlocked(client, at: now) {
            throw CourtError(.rateLimited, "Too many failed sign-ins from your network. Wait 15 minutes and try again.")
        }
        guard let login = CourtLogin(login), let account = try await court.store.account(login: login),
            let hash = account.passwordHash
        else {
            _ = await context.hasher.verify(password, against: context.decoyHash)
            context.clients.record(client, at: now)
            throw Self.invalid
        }
        try await CourtPasswordCheck(context: context, store: court.store).check(
            password, for: account, hash: hash, client: client, at: now)
        guard account.legacyPasswordWorks else {
            throw CourtError(
                .invalidCredentials,
                account.isLinked
                    ? "This CM/ECF login is linked to a PACER account: sign in with PACER instead."
                    : "This CM/ECF account is disabled. Contact the clerk's office.")
        }
        let secret = context.secrets.token()
        let session = CourtSession(
            id: context.ids.uuid(), accountID: account.id, tokenHash: SecretHash.of(secret), createdAt: now)
        try await court.store.transaction { transaction in
            try await transaction.insert(session)
        }
        return SignedIn(account: account, token: secret, session: session)
    }
}

/// Checks a court password with the sign-in throttle: waits after repeated failures, a lock after
/// the tenth in a row (NIST SP 800-63B §5.2.2, as for PACER sign-ins), and counts per client.
struct CourtPasswordCheck {
    let context: CourtContext
    let store: any CourtStore

    func check(_ password: String, for account: CourtAccount, hash: String, client: String, at now: Date) async throws {
        if let until = account.lockedUntil, until > now {
            throw CourtError(
                .locked,
                "This CM/ECF login is locked after repeated failed attempts. Try again after \(until.formatted(.iso8601)), or reset its password."
            )
        }
        let failures = try await store.transaction { try await $0.failedSignIns(account.id) }
        let wait = SignInThrottle.delay(afterFailures: failures.count)
        if wait > 0, let last = failures.last, now < last.addingTimeInterval(wait) {
            throw CourtError(.rateLimited, "Wait a few seconds before trying again.")
        }
        guard await context.hasher.verify(password, against: hash) else {
            context.clients.record(client, at: now)
            let lockUntil = now.addingTimeInterval(SignInThrottle.lockDuration)
            try await store.transaction { transaction in
                let count = try await transaction.recordFailedSignIn(account.id, at: now)
                if SignInThrottle.locks(afterFailures: count), var current = try await transaction.account(account.id) {
                    current.lockedUntil = lockUntil
                    try await transaction.update(current)
                    try await transaction.clearFailedSignIns(account.id)
                }
            }
            throw LegacySignIn.invalid
        }
        if failures.count > 0 || account.lockedUntil != nil {
            try await store.transaction { transaction in
                try await transaction.clearFailedSignIns(account.id)
                if var current = try await transaction.account(account.id), current.lockedUntil != nil {
                    current.lockedUntil = nil
                    try await transaction.update(current)
                }
            }
        }
    }
}

/// Who holds a court session token, if it is still good and the court is still on legacy CM/ECF.
public struct CourtSessions: Sendable {
    let context: CourtContext

    public init(_ context: CourtContext) {
        self.context = context
    }

    /// The account of an active session in this court; `nil` for an unknown, ended or expired one.
    public func account(of token: String, in court: OpenCourt) async throws -> CourtAccount? {
        guard let session = try await court.store.session(tokenHash: SecretHash.of(token)),
            session.isActive(at: court.now),
            let account = try await court.store.account(session.accountID)
        else { return nil }
        return account
    }

    public func signOut(_ token: String, in court: OpenCourt) async throws {
        let hash = SecretHash.of(token)
        let now = court.now
        try await court.store.transaction { try await $0.endSession(tokenHash: hash, at: now) }
    }

    /// Replaces a one-time (or any) password of the signed-in court account.
    public func changePassword(_ account: CourtAccount, in court: OpenCourt, current: String, new: String)
        async throws -> CourtAccount
    {
        try court.requireAvailable()
        guard let hash = account.passwordHash, account.legacyPasswordWorks,
            await context.hasher.verify(current, against: hash)
        else {
            throw CourtError(
                .invalidCredentials, "The current password is not right.",
                fields: ["currentPassword": "The current password is not right."])
        }
        if let problem = PasswordPolicy.check(
            new, username: account.login.rawValue, firstName: account.firstName, lastName: account.lastName,
            email: account.email.address)
        {
            throw CourtError(.invalid, problem.description, fields: ["newPassword": problem.description])
        }
        let newHash = try await context.hasher.hash(new)
        return try await court.store.transaction { transaction in
            guard var current = try await transaction.account(account.id) else {
                throw CourtError(.notSignedIn, "This CM/ECF account no longer exists.")
            }
            current.passwordHash = newHash
            current.mustChangePassword = false
            try await transaction.update(current)
            return current
        }
    }
}
