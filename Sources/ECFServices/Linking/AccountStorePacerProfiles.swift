import ECFDomain

/// The PSC's answer to "who is this PACER account?", as a direct call when the PSC and the courts
/// run in one process.
public struct AccountStorePacerProfiles: PacerProfiles {
    let store: any AccountStore

    public init(store: any AccountStore) {
        self.store = store
    }

    public func profile(_ account: AccountID) async throws -> PacerProfile? {
        try await store.account(account).map(PacerProfile.init)
    }

    public func profile(username: Username) async throws -> PacerProfile? {
        try await store.account(username: username).map(PacerProfile.init)
    }
}
