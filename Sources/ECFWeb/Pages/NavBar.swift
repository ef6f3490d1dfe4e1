import ECFServices

/// The header's account area: who is signed in, or links to sign in and register
/// (`PageLayout.top`).
public struct NavBar: Sendable {
    let signedInName: String?
    let csrfToken: String
}

extension NavBar {
    init(_ context: AppRequestContext) {
        self.init(signedInName: context.signedIn?.name, csrfToken: context.csrfToken)
    }
}
