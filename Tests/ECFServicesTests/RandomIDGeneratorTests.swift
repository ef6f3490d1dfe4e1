import ECFServices
import Foundation
import Testing

@Suite("The server's identifiers")
struct RandomIDGeneratorTests {
    /// Accounts, sessions and the like get random identifiers (version 4); billed views and outbox
    /// messages get ones that begin with the time (version 7), later ones sorting after.
    @Test func rowsWrittenInVolumeGetTimeOrderedIDsAndOthersRandomOnes() async throws {
        let ids = RandomIDGenerator()
        #expect(ids.uuid().uuidString.dropFirst(14).first == "4")
        let before = UInt64(Date().timeIntervalSince1970 * 1000)
        let first = ids.timeOrderedUUID()
        try await Task.sleep(for: .milliseconds(2))
        let second = ids.timeOrderedUUID()
        let after = UInt64(Date().timeIntervalSince1970 * 1000)
        #expect(first.uuidString.dropFirst(14).first == "7")
        let milliseconds = UInt64(first.uuidString.replacingOccurrences(of: "-", with: "").prefix(12), radix: 16)
        #expect(milliseconds.map { (before...after).contains($0) } == true)
        #expect(first.uuidString.lowercased() < second.uuidString.lowercased())
    }
}
