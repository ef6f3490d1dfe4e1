import ECFServices

/// The demo a newcomer gets with `--demo`: three courts (C.D. Cal., S.D.N.Y. and the C.D. Cal.
/// bankruptcy court), seeded only into an empty database. Each later feature adds its story here.
public enum DemoData {
    public static let courts = ["cacd", "nysd", "cacb"]

    /// Seeds the demo when no court is enabled yet; returns whether it did.
    static func seedIfEmpty(registry: any CourtRegistryStore, enableCourt: EnableCourt) async throws -> Bool {
        guard try await registry.enabledCourts().isEmpty else { return false }
        for court in courts {
            _ = try await enableCourt(court)
        }
        return true
    }

    static func banner(publicURL: String) -> String {
        """

        ──────────────────────────────────────────────────────────────
         OpenECF demo is running at \(publicURL)
         Courts: cacd (C.D. Cal.), nysd (S.D.N.Y.), cacb (Bankr. C.D. Cal.)
         Accounts to sign in with arrive with PACER accounts and court
         logins; until then the courts, /healthz, /readyz, /metrics and
         /api/v1/courts are there to look at.
        ──────────────────────────────────────────────────────────────

        """
    }
}
