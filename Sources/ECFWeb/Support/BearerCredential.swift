import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// What a program sent as `Authorization: Bearer`: a PACER sign-in token (a JWT), a personal
/// API token (`oecf_pat_…`), or a court login's session token.
enum BearerCredential: Equatable {
    case signIn(String)
    case apiToken(String)
    case courtSession(String)

    init?(_ request: Request) {
        guard let header = request.headers[.authorization] else { return nil }
        self.init(header: header)
    }

    /// Read byte by byte: every API request carries one, and lowercasing, trimming and splitting
    /// the whole token as text cost more than the rest of reading the request (BENCHMARKS.md P4).
    init?(header: String) {
        let bytes = header.utf8
        guard bytes.count >= 7, bytes.prefix(7).elementsEqual("bearer ".utf8, by: { $0 | 0x20 == $1 }) else {
            return nil
        }
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let rest = bytes.dropFirst(7).drop(while: isBlank)
        var end = rest.endIndex
        while end > rest.startIndex, isBlank(rest[rest.index(before: end)]) { end = rest.index(before: end) }
        let token = String(Substring(rest[..<end]))
        if token.hasPrefix(APITokenPolicy.prefix) {
            self = .apiToken(token)
        } else if token.utf8.count(where: { $0 == UInt8(ascii: ".") }) == 2 {
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
