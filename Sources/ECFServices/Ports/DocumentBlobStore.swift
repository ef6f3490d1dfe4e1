import Foundation

/// Where filed documents' bytes live: content-addressed by SHA-256, written once, never changed.
public protocol DocumentBlobStore: Sendable {
    /// Moves a fully received upload into the store; returns its hash and size. Storing the same
    /// bytes twice keeps one copy.
    func keep(_ upload: URL) async throws -> (sha256: String, bytes: Int)
    /// The stored file for a hash, if present.
    func file(for sha256: String) -> URL?
}
