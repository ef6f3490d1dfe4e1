import ECFServices
import Mustache

/// The header's account area: who is signed in, or links to sign in and register.
public struct NavBar: Sendable {
    let signedInName: String?
    let csrfToken: String
}

extension NavBar {
    init(_ context: AppRequestContext) {
        self.init(signedInName: context.signedIn?.name, csrfToken: context.csrfToken)
    }
}

/// Every page's header looks these up: by name, not through `Mirror` (BENCHMARKS.md P1).
extension NavBar: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "signedInName": signedInName
        case "csrfToken": csrfToken
        default: nil
        }
    }
}
