import Foundation

/// A key the PSC signs Central Sign-On tokens with.
public struct SigningKey: Sendable, Equatable {
    public let kid: String
    public let algorithm: String
    /// The private key, base64.
    public let privateKey: String
    public let createdAt: Date

    public init(kid: String, algorithm: String, privateKey: String, createdAt: Date) {
        self.kid = kid
        self.algorithm = algorithm
        self.privateKey = privateKey
        self.createdAt = createdAt
    }
}

/// Where the PSC keeps its signing keys, so that every PSC process signs with the same one.
public protocol SigningKeyStore: Sendable {
    func keys() async throws -> [SigningKey]
    /// Stores the key unless one exists already; returns the keys after.
    func addIfNone(_ key: SigningKey) async throws -> [SigningKey]
}
