import ECFDomain
import ECFServices

/// The PSC's account use cases, as the web layer calls them.
public struct AccountsWeb: Sendable {
    public let register: RegisterAccount
    public let verifyEmail: VerifyEmail
    public let signIn: SignIn
    public let signOut: SignOut
    public let requestPasswordReset: RequestPasswordReset
    public let confirmPasswordReset: ConfirmPasswordReset
    public let requestUsernameReminder: RequestUsernameReminder
    public let upgrade: UpgradeAccount
    public let sendEmailVerification: SendEmailVerification
    public let enrolAuthenticator: EnrolAuthenticator
    public let confirmAuthenticator: ConfirmAuthenticator
    public let changePassword: ChangePassword
    public let store: any AccountStore
    public let cso: any CentralSignOn
    public let apiTokens: APITokens
    public let savedSearches: SavedSearches

    public init(
        register: RegisterAccount, verifyEmail: VerifyEmail, signIn: SignIn, signOut: SignOut,
        requestPasswordReset: RequestPasswordReset, confirmPasswordReset: ConfirmPasswordReset,
        requestUsernameReminder: RequestUsernameReminder, upgrade: UpgradeAccount,
        sendEmailVerification: SendEmailVerification, enrolAuthenticator: EnrolAuthenticator,
        confirmAuthenticator: ConfirmAuthenticator, changePassword: ChangePassword, store: any AccountStore,
        cso: any CentralSignOn, apiTokens: APITokens, savedSearches: SavedSearches
    ) {
        self.savedSearches = savedSearches
        self.apiTokens = apiTokens
        self.changePassword = changePassword
        self.enrolAuthenticator = enrolAuthenticator
        self.confirmAuthenticator = confirmAuthenticator
        self.upgrade = upgrade
        self.sendEmailVerification = sendEmailVerification
        self.requestPasswordReset = requestPasswordReset
        self.confirmPasswordReset = confirmPasswordReset
        self.requestUsernameReminder = requestUsernameReminder
        self.register = register
        self.verifyEmail = verifyEmail
        self.signIn = signIn
        self.signOut = signOut
        self.store = store
        self.cso = cso
    }
}

extension AccountsWeb {
    func mfaEnabled(_ account: AccountID) async throws -> Bool {
        try await store.twoStepVerificationIsOn(account)
    }
}
