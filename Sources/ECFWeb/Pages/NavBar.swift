import ECFServices

/// The header's account area: who is signed in, or links to sign in and register.
public struct NavBar: Sendable {
    let signedInName: String?
    let csrfToken: String

    init(_ context: AppRequestContext) {
        self.signedInName = context.signedIn?.name
        self.csrfToken = context.csrfToken
    }
}
