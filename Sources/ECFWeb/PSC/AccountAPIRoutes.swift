import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// The PSC's account API under `/api/v1/pacer/`, and its public keys.
struct AccountAPIRoutes {
    let accounts: AccountsWeb

    func register(on router: Router<AppRequestContext>) {
        router.post("/api/v1/pacer/accounts") { request, context in
            let body = try await request.decode(as: RegistrationRequest.self, context: context)
            let registered = try await accounts.register(body.form)
            return try JSONResponse.make(AccountCreatedDTO(registered.account), status: .created)
        }
        router.post("/api/v1/pacer/accounts/verify-email") { request, context in
            let body = try await request.decode(as: TokenRequest.self, context: context)
            return try JSONResponse.make(AccountCreatedDTO(try await accounts.verifyEmail(token: body.token)))
        }
        router.post("/api/v1/pacer/sessions") { request, context in
            let body = try await request.decode(as: SessionRequest.self, context: context)
            let signedIn = try await accounts.signIn(
                .init(username: body.username, password: body.password, otp: body.otp, client: context.clientAddress))
            let issued = try await accounts.cso.issue(for: signedIn.account, session: signedIn.session)
            return try JSONResponse.make(SessionDTO(token: issued.token, expiresAt: issued.expiresAt))
        }
        router.delete("/api/v1/pacer/sessions/current") { request, _ in
            let claims = try await signedInClaims(request, "sign out (revoke the token instead)")
            try await accounts.signOut(claims.sessionID)
            return Response(status: .noContent)
        }
        router.get("/api/v1/pacer/account") { request, _ in
            let claims = try await bearerClaims(request)
            guard let account = try await accounts.store.account(claims.accountID) else {
                throw AccountError(.notSignedIn, "This account no longer exists.")
            }
            return try JSONResponse.make(AccountDTO(account, mfaEnabled: try await accounts.mfaEnabled(account.id)))
        }
        router.post("/api/v1/pacer/account/password") { request, context in
            let claims = try await signedInClaims(request, "change the password")
            let body = try await request.decode(as: PasswordChangeRequest.self, context: context)
            let account = try await accounts.changePassword(
                claims.accountID, session: claims.sessionID, currentPassword: body.currentPassword ?? "",
                newPassword: body.newPassword ?? "")
            return try JSONResponse.make(AccountDTO(account, mfaEnabled: try await accounts.mfaEnabled(account.id)))
        }
        router.post("/api/v1/pacer/account/mfa/totp") { request, context in
            let claims = try await signedInClaims(request, "change two-step verification")
            let body = try await request.decode(as: EnrolRequest.self, context: context)
            let enrolment = try await accounts.enrolAuthenticator(
                claims.accountID, password: body.password ?? "", name: body.name ?? "")
            return try JSONResponse.make(
                EnrolmentDTO(secret: enrolment.secret, otpauthUri: enrolment.otpauthURI), status: .created)
        }
        router.post("/api/v1/pacer/account/mfa/totp/confirm") { request, context in
            let claims = try await signedInClaims(request, "change two-step verification")
            let body = try await request.decode(as: CodeRequest.self, context: context)
            let codes = try await accounts.confirmAuthenticator(claims.accountID, code: body.code ?? "")
            return try JSONResponse.make(BackupCodesDTO(backupCodes: codes))
        }
        router.post("/api/v1/pacer/password-resets") { request, context in
            let body = try await request.decode(as: PasswordResetRequest.self, context: context)
            try await accounts.requestPasswordReset(usernameOrEmail: body.usernameOrEmail)
            return try JSONResponse.make(AcceptedDTO(message: Self.resetAnswer), status: .accepted)
        }
        router.post("/api/v1/pacer/password-resets/confirm") { request, context in
            let body = try await request.decode(as: PasswordResetConfirmation.self, context: context)
            let account = try await accounts.confirmPasswordReset(token: body.token, newPassword: body.newPassword)
            return try JSONResponse.make(AccountCreatedDTO(account))
        }
        router.post("/api/v1/pacer/username-reminders") { request, context in
            let body = try await request.decode(as: UsernameReminderRequest.self, context: context)
            try await accounts.requestUsernameReminder(email: body.email)
            return try JSONResponse.make(AcceptedDTO(message: Self.reminderAnswer), status: .accepted)
        }
        router.post("/api/v1/pacer/account/upgrade") { request, context in
            let claims = try await signedInClaims(request, "upgrade the account")
            let body = try await request.decode(as: UpgradeRequest.self, context: context)
            let account = try await accounts.upgrade(claims.accountID, form: body.form)
            return try JSONResponse.make(AccountDTO(account, mfaEnabled: try await accounts.mfaEnabled(account.id)))
        }
        router.post("/api/v1/pacer/account/email-verification") { request, _ in
            let claims = try await bearerClaims(request)
            try await accounts.sendEmailVerification(claims.accountID)
            return try JSONResponse.make(
                AcceptedDTO(message: "If the address is not verified yet, we e-mailed it a verification link."),
                status: .accepted)
        }
        router.get("/pacer/.well-known/jwks.json") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/jwk-set+json"
            headers[.cacheControl] = "public, max-age=300"
            return Response(
                status: .ok, headers: headers,
                body: .init(byteBuffer: ByteBuffer(bytes: try await accounts.cso.publicKeySet())))
        }
    }

    static let resetAnswer =
        "If an account matches, we e-mailed a link to reset its password. The link works once, for 30 minutes."
    static let reminderAnswer = "If any account uses this e-mail address, we e-mailed its username to it."

    /// The claims of the request's `Authorization: Bearer` token (a sign-in's or a personal API token's).
    func bearerClaims(_ request: Request) async throws -> CSOClaims {
        guard let claims = try await BearerCredential(request)?.claims(accounts.cso) else {
            throw AccountError(
                .notSignedIn, "Sign in first: send the token from POST /api/v1/pacer/sessions as Authorization: Bearer."
            )
        }
        return claims
    }

    /// The claims of a signed-in person; a personal API token is refused for `action`.
    func signedInClaims(_ request: Request, _ action: String) async throws -> CSOClaims {
        let claims = try await bearerClaims(request)
        try APITokens.requireSignIn(claims, action)
        return claims
    }
}
