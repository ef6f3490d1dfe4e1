import ECFDomain
import ECFServices
import Foundation

/// The demo a newcomer gets with `--demo`: four courts (C.D. Cal., S.D.N.Y. and the bankruptcy
/// courts of both), seeded only into an empty database. Each later feature adds its story here.
public enum DemoData {
    public static let courts = ["cacd", "nysd", "cacb", "nysb"]

    /// Seeds the demo when no court is enabled yet; returns whether it did.
    static func seedIfEmpty(registry: any CourtRegistryStore, enableCourt: EnableCourt) async throws -> Bool {
        guard try await registry.enabledCourts().isEmpty else { return false }
        for court in courts {
            _ = try await enableCourt(court)
        }
        return true
    }

    /// An upgraded, verified attorney account to sign in with.
    public static let attorneyUsername = "demo-attorney"
    public static let attorneyPassword = "sunlit harbor of nine courts"

    /// A legacy account (issued in 2012, 6-character username) that still needs its upgrade.
    public static let legacyUsername = "lj2012"
    public static let legacyPassword = "oldpass2012"

    /// An account with two-step verification: its authenticator key and backup codes are public,
    /// for the demo only.
    public static let mfaUsername = "demo-mfa"
    public static let mfaPassword = "two locks guard this door"
    public static let mfaSecret = "openecfdemosecret123"
    /// The key as an authenticator app takes it (base32 of `mfaSecret`).
    public static let mfaSecretBase32 = "N5YGK3TFMNTGIZLNN5ZWKY3SMV2DCMRT"
    public static let mfaBackupCodes = (1...BackupCodes.count).map { String(format: "demo0-%05d", $0) }

    /// A reporter's account, linked to the media e-service login `morgan-media` in nysd.
    public static let pressUsername = "demo-press"
    public static let pressPassword = "ink and paper every single day"

    static func seedAccounts(_ context: AccountsContext) async throws {
        try await seedAttorney(context)
        try await seedUpgraded(
            context, username: pressUsername, password: pressPassword, first: "Morgan", last: "Media",
            email: "morgan.press@example.org", userType: .media)
        try await seedUpgraded(
            context, username: clerkUsername, password: clerkPassword, first: "Casey", last: "Morales",
            email: "casey.clerk@example.org", userType: .nonAttorney)
        try await seedMFA(context)
        let legacyCSV = """
            username,firstName,lastName,email,createdAt,passwordBcrypt
            \(legacyUsername),Lee,Jordan,lee.jordan@example.org,2012-03-15,\(try await context.hasher.hash(legacyPassword))
            """
        _ = try await ImportLegacyAccounts(context)(csv: legacyCSV)
    }

    static func seedMFA(_ context: AccountsContext) async throws {
        guard let username = Username(mfaUsername), try await context.store.account(username: username) == nil else {
            return
        }
        let now = context.clock.now
        let account = PacerAccount(
            id: AccountID(context.ids.uuid()), username: username,
            passwordHash: try await context.hasher.hash(mfaPassword),
            firstName: "Morgan", lastName: "Media", email: EmailAddress("morgan.media@example.org")!,
            emailVerifiedAt: now,
            dateOfBirth: DateOnly(year: 1988, month: 9, day: 2),
            address: PostalAddress(
                street: "1 Centre St", city: "New York", state: "NY", postalCode: "10007", county: "New York"),
            userType: .media, status: .active, createdAt: now, upgradedAt: nil)
        let authenticator = Authenticator(
            id: context.ids.uuid(), accountID: account.id, name: "Demo authenticator", secret: mfaSecret,
            createdAt: now,
            confirmedAt: now)
        let hashes = mfaBackupCodes.map { SecretHash.of(BackupCodes.normalized($0)) }
        try await context.store.transaction { transaction in
            try await transaction.insert(account)
            try await transaction.save(authenticator)
            try await transaction.replaceBackupCodes(of: account.id, hashes: hashes)
        }
    }

    static func seedAttorney(_ context: AccountsContext) async throws {
        try await seedUpgraded(
            context, username: attorneyUsername, password: attorneyPassword, first: "Avery", last: "Attorney",
            email: "avery.attorney@example.org", userType: .attorney)
    }

    /// An upgraded, verified PACER account.
    static func seedUpgraded(
        _ context: AccountsContext, username typed: String, password: String, first: String, last: String,
        email: String, userType: UserType
    ) async throws {
        guard let username = Username(typed), try await context.store.account(username: username) == nil else { return }
        let now = context.clock.now
        let account = PacerAccount(
            id: AccountID(context.ids.uuid()), username: username,
            passwordHash: try await context.hasher.hash(password), firstName: first, lastName: last,
            email: EmailAddress(email)!, emailVerifiedAt: now,
            dateOfBirth: DateOnly(year: 1979, month: 6, day: 14),
            address: PostalAddress(
                street: "350 W 1st St", city: "Los Angeles", state: "CA", postalCode: "90012", county: "Los Angeles"),
            userType: userType, status: .active, createdAt: now, upgradedAt: nil)
        try await context.store.transaction { try await $0.insert(account) }
    }

    static func banner(publicURL: String) -> String {
        """

        ──────────────────────────────────────────────────────────────
         OpenECF demo is running at \(publicURL)
         Courts: cacd (C.D. Cal.), nysd (S.D.N.Y.), cacb (Bankr. C.D. Cal.), nysb (Bankr. S.D.N.Y.)
         PACER accounts (sign in at \(publicURL)/pacer/login):
           demo-attorney / sunlit harbor of nine courts   (upgraded attorney)
           lj2012 / oldpass2012                           (legacy, 2012: needs its upgrade)
           demo-mfa / two locks guard this door           (two-step: key \(mfaSecretBase32),
                                                           or backup code demo0-00001)
           demo-clerk / clerks keep the docket true       (clerk of nysd and nysb, linked)
           demo-press / ink and paper every single day    (a reporter who pays for PACER views)
         Court CM/ECF logins (cacd on legacy, nysd and nysb on NextGen, cacb in its blackout):
           avery-attorney / harbor lights of the ninth circuit  (demo-attorney's; links at once)
           lee-jordan / old maple desk by the window             (lj2012's; upgrade PACER first)
           cacd-clerk / clerks keep the docket true             (cacd's clerk's office)
         Court pages: \(publicURL)/ecf/cacd/  \(publicURL)/ecf/nysd/  \(publicURL)/ecf/cacb/
                      \(publicURL)/ecf/nysb/  free search of docket text: \(publicURL)/pacer/search
           curl -X POST \(publicURL)/api/v1/pacer/sessions \\
             -H 'Content-Type: application/json' \\
             -d '{"username":"demo-attorney","password":"sunlit harbor of nine courts"}'
         Also: /healthz, /readyz, /metrics, /api/v1/courts
        ──────────────────────────────────────────────────────────────

        """
    }
}
