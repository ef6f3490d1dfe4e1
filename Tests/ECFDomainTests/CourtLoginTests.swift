import ECFDomain
import Testing

@Suite("Court logins")
struct CourtLoginTests {
    @Test(arguments: ["avery", "a.r-t_9", "9lives", "AveryAttorney", String(repeating: "x", count: 40)])
    func accepts(_ text: String) {
        #expect(CourtLogin(text)?.rawValue == text)
    }

    @Test func trimsTheSpacesAroundALogin() {
        #expect(CourtLogin("  avery ")?.rawValue == "avery")
        #expect(CourtLogin("\tavery\u{A0}")?.rawValue == "avery")
    }

    @Test(arguments: [
        "", "ab", String(repeating: "x", count: 41), ".avery", "-avery", "_avery", "av ery", "avéry", "avery!",
        "ávery", "av@ery",
    ])
    func refuses(_ text: String) {
        #expect(CourtLogin(text) == nil)
    }

    @Test func comparesWithoutCase() {
        #expect(CourtLogin("Avery")?.canonical == CourtLogin("AVERY")?.canonical)
    }
}
