import Crypto
import ECFDomain
import ECFServices
import Foundation
import JWTKit

/// Central Sign-On tokens as EdDSA (Ed25519) JWTs signed with the PSC's key (jwt-kit). A token
/// is checked for its signature, its expiry by the injected clock, and its session.
public struct JWTCentralSignOn: CentralSignOn {
    public let tokenLifetime: TimeInterval = 15 * 60
    static let issuer = "openecf-psc"
    static let audience = "openecf"

    let keys: JWTKeyCollection
    let kid: String
    let publicKeys: [(kid: String, x: String)]
    let sessions: any AccountStore
    let clock: any Clock
    let apiTokens: APITokens
    /// Tokens whose signature was checked, with their payloads: a signature check (Ed25519) was
    /// about 4% of a docket report's CPU, and every request of a signed-in user carries the same
    /// token for up to 15 minutes. The keys never change in a process, so a token's check never
    /// changes either; its expiry and its session are checked on every request all the same.
    let verified = VerifiedTokens<Payload>(atMost: 4_096)

    /// Loads the PSC's signing key, creating it on first use.
    public static func make(
        keyStore: any SigningKeyStore, sessions: any AccountStore, clock: any Clock, apiTokens: APITokens
    ) async throws -> JWTCentralSignOn {
        var stored = try await keyStore.keys()
        if stored.isEmpty {
            let fresh = Curve25519.Signing.PrivateKey()
            stored = try await keyStore.addIfNone(
                SigningKey(
                    kid: "cso-" + String(UUID().uuidString.prefix(8)).lowercased(), algorithm: "EdDSA",
                    privateKey: fresh.rawRepresentation.base64EncodedString(), createdAt: clock.now))
        }
        let keys = JWTKeyCollection()
        var publicKeys: [(kid: String, x: String)] = []
        for key in stored {
            guard let raw = Data(base64Encoded: key.privateKey) else { continue }
            let privateKey = try Curve25519.Signing.PrivateKey(rawRepresentation: raw)
            await keys.add(eddsa: EdDSA.PrivateKey(backing: privateKey), kid: JWKIdentifier(string: key.kid))
            publicKeys.append((key.kid, Base64URL.encode(privateKey.publicKey.rawRepresentation)))
        }
        return JWTCentralSignOn(
            keys: keys, kid: stored[0].kid, publicKeys: publicKeys, sessions: sessions, clock: clock,
            apiTokens: apiTokens)
    }

    struct Payload: JWTPayload {
        var sub: SubjectClaim
        var sid: String
        var iss: IssuerClaim
        var aud: AudienceClaim
        var iat: IssuedAtClaim
        var exp: ExpirationClaim
        var username: String
        var name: String
        var legacy: Bool

        // Expiry is checked against the injected clock after decoding, not the machine's.
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    public func issue(for account: PacerAccount, session: SignInSession) async throws -> (
        token: String, expiresAt: Date
    ) {
        let now = clock.now
        let expiresAt = min(now.addingTimeInterval(tokenLifetime), session.expiresAt)
        let payload = Payload(
            sub: SubjectClaim(value: account.id.description), sid: session.id.description,
            iss: IssuerClaim(value: Self.issuer), aud: AudienceClaim(value: [Self.audience]),
            iat: IssuedAtClaim(value: now), exp: ExpirationClaim(value: expiresAt),
            username: account.username.rawValue, name: account.fullName, legacy: account.isLegacy)
        let token = try await keys.sign(payload, kid: JWKIdentifier(string: kid))
        return (token, expiresAt)
    }

    public func verify(_ token: String) async throws -> CSOClaims {
        let payload: Payload
        if let known = verified[token] {
            payload = known
        } else {
            do {
                payload = try await keys.verify(token, as: Payload.self)
            } catch let error as JWTError where error.errorType == .signatureVerificationFailed {
                throw CSOTokenRejected(.badSignature)
            } catch {
                throw CSOTokenRejected(.malformed)
            }
            verified.keep(payload, for: token, until: payload.exp.value, now: clock.now)
        }
        guard payload.iss.value == Self.issuer, payload.aud.value.contains(Self.audience),
            let accountID = AccountID(payload.sub.value), let sessionUUID = UUID(uuidString: payload.sid)
        else { throw CSOTokenRejected(.malformed) }
        let now = clock.now
        guard now < payload.exp.value else { throw CSOTokenRejected(.expired) }
        let sessionID = SessionID(sessionUUID)
        guard let session = try await sessions.session(sessionID), session.isActive(at: now),
            session.accountID == accountID
        else { throw CSOTokenRejected(.sessionEnded) }
        return CSOClaims(
            accountID: accountID, sessionID: sessionID, username: payload.username, name: payload.name,
            legacy: payload.legacy, issuedAt: payload.iat.value, expiresAt: payload.exp.value)
    }

    public func verifyAPIToken(_ secret: String) async throws -> CSOClaims {
        try await apiTokens.verify(secret)
    }

    public func publicKeySet() async throws -> Data {
        struct JWK: Encodable {
            let kty = "OKP"
            let crv = "Ed25519"
            let alg = "EdDSA"
            let use = "sig"
            let kid: String
            let x: String
        }
        struct JWKS: Encodable { let keys: [JWK] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(JWKS(keys: publicKeys.map { JWK(kid: $0.kid, x: $0.x) }))
    }
}
