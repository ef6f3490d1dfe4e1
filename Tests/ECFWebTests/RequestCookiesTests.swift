import Hummingbird
import Testing

@testable import ECFWeb

/// A request's cookies are read as Hummingbird's `Cookies` reads them.
@Suite("Request cookies")
struct RequestCookiesTests {
    @Test func cookiesReadAsHummingbirdReadsThem() {
        let jwt = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"
        let headers: [[String]] = [
            ["openecf_csrf=abc123; openecf_cso=\(jwt)"],
            ["openecf_cso=first;openecf_cso=second", "openecf_csrf=x=y==; empty="],
            ["  \topenecf_csrf=spaced ;  court_nysd=token%20with%20escapes", "noequals; =nameless; last=1;"],
            ["openecf_cso=\"quoted\"; ünïcode=välue; openecf_cso=later"],
            ["openecf_cso=; openecf_cso=later; openecf_csrf=set"],
            [],
            [""],
        ]
        let names = [
            "openecf_csrf", "openecf_cso", "empty", "court_nysd", "noequals", "", "last", "ünïcode", "missing",
            "openecf_csrf ",
        ]
        for header in headers {
            let ours = RequestCookies(headers: header)
            let theirs = Cookies(from: header)
            for name in names {
                #expect(ours[name] == theirs[name]?.value, "\(header) \(name)")
            }
        }
        let read = RequestCookies(headers: ["openecf_csrf=abc123; openecf_cso=\(jwt)"])
        #expect(read["openecf_cso"] == jwt && read["openecf_csrf"] == "abc123")
    }
}
