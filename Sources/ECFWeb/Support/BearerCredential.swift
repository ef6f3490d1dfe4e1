import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// What a program sent as `Authorization: Bearer`: a PACER sign-in token (a JWT), a personal
/// API token (`oecf_pat_…`), or a court login's session token.
enum BearerCredential {
    case signIn(String)
    case apiToken(String)
    case courtSession(String)

    init?(_ request: Request) {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            return nil
        }
        let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        if token.hasPrefix(APITokenPolicy.prefix) {
            self = .apiToken(token)
        } else if token.split(separator: ".").count == 3 {
            self = .signIn(token)
        } else {
            self = .courtSession(token)
        }
    }

    /// The PACER account's claims, for a sign-in or an API token; nil for a court session.
    func claims(_ cso: any CentralSignOn) async throws -> CSOClaims? {
        switch self {
        case .signIn(let token): try await cso.verify(token)
        case .apiToken(let secret): try await cso.verifyAPIToken(secret)
        case .courtSession: nil
        }
    }
}
