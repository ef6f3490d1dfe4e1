import Crypto
import Foundation

/// Random secrets for links and codes, and the hash they are stored under.
public protocol SecretGenerator: Sendable {
    /// A URL-safe random token of 256 bits.
    func token() -> String
}

public struct SystemSecretGenerator: SecretGenerator {
    public init() {}

    public func token() -> String {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        return bytes.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

/// The form a secret is stored in: hex SHA-256.
public enum SecretHash {
    public static func of(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
