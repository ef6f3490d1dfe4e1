import ECFDomain
import Testing

@Suite("E-mail addresses")
struct EmailAddressTests {
    @Test(arguments: [
        "a@b.org", "first.last+tag@sub.example.com", "o'brien@example.org", "x@localhost",
        String(repeating: "a", count: 247) + "@b.org",
    ])
    func accepts(_ text: String) {
        #expect(EmailAddress(text)?.address == text)
    }

    @Test(arguments: [
        "", "a", "@b.org", "a@", "a b@c.org", "a@b.org\r\nBcc: x@y.org", "<a@b.org>", "a@.org", "a@@b.org",
        "a@b@c.org", "a@b.org.", "jos\u{E9}@b.org", "a\tb@c.org", "a\u{7F}@b.org", "a(b)@c.org", "a@b;c.org",
        String(repeating: "a", count: 250) + "@b.org",
    ])
    func refuses(_ text: String) {
        #expect(EmailAddress(text) == nil)
    }

    @Test func readsANameAndAnAddress() throws {
        let address = try #require(EmailAddress(parsing: "OpenECF Clerk <clerk@cacd.example>"))
        #expect(address.address == "clerk@cacd.example")
        #expect(address.displayName == "OpenECF Clerk")
        #expect(EmailAddress(parsing: "\"Doe, Jane\" <jane@example.org>")?.displayName == "Doe, Jane")
        #expect(EmailAddress(parsing: "jane@example.org")?.displayName == nil)
        #expect(EmailAddress(parsing: "Jane <not an address>") == nil)
    }

    @Test func refusesANameThatWouldBreakAHeader() {
        #expect(EmailAddress("a@b.org", displayName: "Evil\r\nBcc: x@y.org") == nil)
    }
}
