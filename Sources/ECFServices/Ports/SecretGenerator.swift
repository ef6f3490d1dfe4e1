import Crypto
import ECFDomain
import Foundation

/// Random secrets for links and codes, and the hash they are stored under.
public protocol SecretGenerator: Sendable {
    /// A URL-safe random token of 256 bits.
    func token() -> String
}

public struct SystemSecretGenerator: SecretGenerator {
    public init() {}

    public func token() -> String {
        Base64URL.encode(SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) })
    }
}

/// Base64 with the URL-safe alphabet and no padding (RFC 4648 §5), as links and JWKs want it.
public enum Base64URL {
    /// Foundation's Base64 with its two letters swapped and its padding dropped, byte by byte:
    /// three `replacingOccurrences` went through Foundation's string search, a fortieth of a
    /// docket report's CPU for the CSRF token of a browser that has none yet (BENCHMARKS.md P1).
    public static func encode(_ data: Data) -> String {
        var bytes = [UInt8](data.base64EncodedData())
        while bytes.last == UInt8(ascii: "=") { bytes.removeLast() }
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: "+"): bytes[index] = UInt8(ascii: "-")
            case UInt8(ascii: "/"): bytes[index] = UInt8(ascii: "_")
            default: break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Codes a person types from a letter or a screen: lower-case letters and digits without the
/// look-alikes (no i, l, o, 0, 1), drawn from a fresh secret.
enum ReadableCode {
    static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")

    static func characters(_ count: Int, from secrets: any SecretGenerator) -> [Character] {
        Array(secrets.token().utf8).prefix(count).map { alphabet[Int($0) % alphabet.count] }
    }
}

/// The form a secret is stored in: hex SHA-256.
public enum SecretHash {
    public static func of(_ secret: String) -> String {
        Hex.string(SHA256.hash(data: Data(secret.utf8)))
    }
}
