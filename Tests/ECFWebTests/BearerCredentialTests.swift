import Testing

@testable import ECFWeb

@Suite("What a program sends as Authorization: Bearer")
struct BearerCredentialTests {
    @Test func aSignInTokenAnAPITokenAndACourtSessionAreToldApart() {
        #expect(BearerCredential(header: "Bearer aaa.bbb.ccc") == .signIn("aaa.bbb.ccc"))
        #expect(BearerCredential(header: "bearer   aaa.bbb.ccc \t") == .signIn("aaa.bbb.ccc"))
        #expect(BearerCredential(header: "BEARER oecf_pat_abc.def") == .apiToken("oecf_pat_abc.def"))
        #expect(BearerCredential(header: "Bearer 3f9a0c") == .courtSession("3f9a0c"))
        #expect(BearerCredential(header: "Bearer a.b") == .courtSession("a.b"))
        #expect(BearerCredential(header: "Bearer ") == .courtSession(""))
    }

    @Test(arguments: ["", "Basic dXNlcjpwYXNz", "Bearer", "Bearerx aaa.bbb.ccc", "Token aaa.bbb.ccc"])
    func anythingElseIsNoBearerCredential(_ header: String) {
        #expect(BearerCredential(header: header) == nil)
    }
}
