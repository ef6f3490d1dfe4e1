import Testing

@testable import ECFDomain

@Suite("Document ids")
struct DocumentIDTests {
    /// Twelve ASCII digits and nothing else; the entry's document list reads as the same document.
    @Test func anIdIsTwelveDigits() throws {
        #expect(DocumentID("031012345678")?.rawValue == "031012345678")
        for bad in [
            "03101234567", "0310123456789", "03101234567a", "\u{FF10}31012345678", "03101234567\u{0661}",
            "03101234567\u{301}", " 031012345678", "", "0310-2345678",
        ] {
            #expect(DocumentID(bad) == nil, "\(bad)")
        }
        let menu = try #require(DocumentID.read("031112345678"))
        #expect(menu.id.rawValue == "031012345678" && menu.menu)
        #expect(DocumentID(prefix: "031", sequence: 5)?.rawValue == "031010000005")
        #expect(DocumentID(prefix: "031", sequence: 5)?.menuID == "031110000005")
    }
}
