import ECFDomain
import Foundation
import HummingbirdOTP

/// Checks a second-factor code: a TOTP code of a confirmed authenticator (RFC 6238, 30-second
/// steps, one step of clock drift either way, never the same step twice) or an unused backup code.
struct TwoStepVerification: Sendable {
    let context: AccountsContext

    static let stepSeconds: Int64 = 30

    /// Whether the code is good; a good code is spent in the same step.
    func accept(_ typed: String, for account: AccountID) async throws -> Bool {
        let code = typed.filter { !$0.isWhitespace && $0 != "-" }
        let now = context.clock.now
        let confirmed = try await context.store.authenticators(of: account).filter { $0.confirmedAt != nil }
        if code.count == 6, code.allSatisfy(\.isNumber), let value = Int(code) {
            for authenticator in confirmed {
                guard let step = Self.matchingStep(value, secret: authenticator.secret, at: now) else { continue }
                let fresh = try await context.store.transaction { try await $0.advanceStep(authenticator.id, to: step) }
                if fresh { return true }
            }
            return false
        }
        let hash = SecretHash.of(BackupCodes.normalized(code))
        let instant = now
        return try await context.store.transaction { try await $0.useBackupCode(of: account, hash: hash, at: instant) }
    }

    /// The step (previous, current or next) whose code is `value`, if any.
    static func matchingStep(_ value: Int, secret: String, at instant: Date) -> Int64? {
        let totp = TOTP(secret: secret)
        let current = Int64(instant.timeIntervalSince1970) / stepSeconds
        for step in [current, current - 1, current + 1]
        where totp.compute(date: Date(timeIntervalSince1970: TimeInterval(step * stepSeconds))) == value {
            return step
        }
        return nil
    }
}

/// Adds an authenticator app: the current password is asked again; the app is active once it
/// has produced one good code.
public struct EnrolAuthenticator: Sendable {
    public struct Enrolment: Sendable, Equatable {
        public let id: UUID
        /// What the person types into the app (base32).
        public let secret: String
        public let otpauthURI: String
    }

    let context: AccountsContext

    public init(_ context: AccountsContext) {
        self.context = context
    }

    public func callAsFunction(_ accountID: AccountID, password: String, name: String) async throws -> Enrolment {
        guard let account = try await context.store.account(accountID) else {
            throw AccountError(.notSignedIn, "Sign in again.")
        }
        guard await context.hasher.verify(password, against: account.passwordHash) else {
            throw AccountError(
                .invalid, "Your current password is not right.",
                fields: ["password": "Your current password is not right."])
        }
        let existing = try await context.store.authenticators(of: accountID)
        guard existing.filter({ $0.confirmedAt != nil }).count < Authenticator.maximumPerAccount else {
            throw AccountError(
                .notAllowed, "You already have \(Authenticator.maximumPerAccount) authenticators; remove one first.")
        }
        let label = name.trimmingCharacters(in: .whitespaces)
        let authenticator = Authenticator(
            id: context.ids.uuid(), accountID: accountID,
            name: label.isEmpty ? "Authenticator app" : String(label.prefix(60)),
            secret: String(context.secrets.token().prefix(20)), createdAt: context.clock.now)
        let stale = existing.filter { $0.confirmedAt == nil }.map(\.id)
        try await context.store.transaction { transaction in
            for id in stale { try await transaction.deleteAuthenticator(id) }
            try await transaction.save(authenticator)
        }
        let uri = TOTP(secret: authenticator.secret).createAuthenticatorURL(
            label: "PACER:\(account.username.rawValue)", issuer: "PACER (OpenECF)")
        let base32 = URLComponents(string: uri)?.queryItems?.first { $0.name == "secret" }?.value ?? ""
        return Enrolment(id: authenticator.id, secret: base32, otpauthURI: uri)
    }
}

/// Confirms the pending authenticator with a code from the app. The first authenticator also
/// issues 10 backup codes, returned once and stored only as hashes.
public struct ConfirmAuthenticator: Sendable {
    let context: AccountsContext

    public init(_ context: AccountsContext) {
        self.context = context
    }

    public func callAsFunction(_ accountID: AccountID, code: String) async throws -> [String] {
        let all = try await context.store.authenticators(of: accountID)
        guard var pending = all.last(where: { $0.confirmedAt == nil }) else {
            throw AccountError(.notAllowed, "Start by adding an authenticator app; there is none waiting for a code.")
        }
        let digits = code.filter(\.isNumber)
        guard digits.count == 6, let value = Int(digits),
            let step = TwoStepVerification.matchingStep(value, secret: pending.secret, at: context.clock.now)
        else {
            throw AccountError(
                .invalid, "That code is not right. Enter the 6-digit code your app shows now.",
                fields: ["code": "Enter the 6-digit code your app shows now."])
        }
        pending.confirmedAt = context.clock.now
        pending.lastUsedStep = step
        let isFirst = !all.contains { $0.confirmedAt != nil }
        let codes = isFirst ? (0..<BackupCodes.count).map { _ in Self.backupCode(context.secrets) } : []
        let confirmed = pending
        try await context.store.transaction { transaction in
            try await transaction.save(confirmed)
            if isFirst {
                try await transaction.replaceBackupCodes(
                    of: accountID, hashes: codes.map { SecretHash.of(BackupCodes.normalized($0)) })
            }
        }
        return codes
    }

    static func backupCode(_ secrets: any SecretGenerator) -> String {
        let characters = ReadableCode.characters(10, from: secrets)
        return String(characters[0..<5]) + "-" + String(characters[5..<10])
    }
}
