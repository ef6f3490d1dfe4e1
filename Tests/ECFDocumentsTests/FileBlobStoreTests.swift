import ECFDocuments
import Foundation
import Testing

@Suite("Content-addressed document storage")
struct FileBlobStoreTests {
    @Test func theSameBytesAreKeptOnceUnderTheirHash() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("openecf-blobs-\(UUID().uuidString)")
        let store = FileBlobStore(root: root)
        func upload(_ text: String) throws -> URL {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("upload-\(UUID().uuidString)")
            try Data(text.utf8).write(to: url)
            return url
        }
        let first = try await store.keep(try upload("hello court"))
        let second = try await store.keep(try upload("hello court"))
        // echo -n 'hello court' | sha256sum
        #expect(first.sha256 == "4732050e455b707de62f1e02f558a13ff9f7dbd8c8622b45a6edd2ea01b5690f")
        #expect(first == second && first.bytes == 11)
        let stored = try #require(store.file(for: first.sha256))
        #expect(stored.path == root.appendingPathComponent("47/32/\(first.sha256)").path)
        #expect(stored.deletingLastPathComponent().lastPathComponent == "32")
        #expect(store.file(for: first.sha256.uppercased())?.path == stored.path)
        #expect(try String(contentsOf: stored, encoding: .utf8) == "hello court")
        #expect(store.file(for: "../../etc/passwd") == nil)
        #expect(store.file(for: String(repeating: "0", count: 64)) == nil)
    }
}
