import Crypto
import ECFDomain
import ECFServices
import Foundation

/// Documents on disk under `<data-dir>/documents/ab/cd/<sha256>`, hashed in 1 MB chunks (never
/// held whole in memory) and moved into place with a rename, so a reader never sees half a file.
public struct FileBlobStore: DocumentBlobStore {
    let root: URL

    public init(root: URL) {
        self.root = root
    }

    public func keep(_ upload: URL) async throws -> (sha256: String, bytes: Int) {
        let (hash, bytes) = try Self.hash(upload)
        let target = path(for: hash)
        let manager = FileManager.default
        try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        if manager.fileExists(atPath: target.path) {
            try? manager.removeItem(at: upload)
        } else {
            do {
                try manager.moveItem(at: upload, to: target)
            } catch  where manager.fileExists(atPath: target.path) {
                // Another filing stored the same bytes a moment ago.
                try? manager.removeItem(at: upload)
            }
        }
        return (hash, bytes)
    }

    public func file(for sha256: String) -> URL? {
        guard sha256.count == 64, sha256.allSatisfy(\.isHexDigit) else { return nil }
        let url = path(for: sha256.lowercased())
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// `root/ab/cd/abcd…`: the hash's first two pairs of characters as folders, appended at once
    /// (three appends were 1.9% of a document's CPU, BENCHMARKS.md P4).
    func path(for hash: String) -> URL {
        let characters = Array(hash)
        return root.appendingPathComponent(
            String(characters[0..<2]) + "/" + String(characters[2..<4]) + "/" + hash, isDirectory: false)
    }

    static func hash(_ file: URL) throws -> (String, Int) {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        var hasher = SHA256()
        var bytes = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            bytes += chunk.count
        }
        return (Hex.string(hasher.finalize()), bytes)
    }
}
