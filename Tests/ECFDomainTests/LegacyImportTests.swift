import ECFDomain
import Foundation
import Testing

@Suite("Reading legacy-account files")
struct LegacyImportTests {
    @Test func csvHandlesQuotesCommasAndLineNumbers() {
        let records = CSV.records("a,b,c\r\n\"Doe, Jane\",\"say \"\"hi\"\"\",x\n\n\"two\nlines\",y,z\n")
        #expect(records.map(\.line) == [1, 2, 4])
        #expect(records[1].fields == ["Doe, Jane", "say \"hi\"", "x"])
        #expect(records[2].fields == ["two\nlines", "y", "z"])
    }

    let header = ["username", "firstName", "lastName", "email", "createdAt", "passwordBcrypt"]

    @Test func aGoodRowWithAndWithoutAHash() throws {
        let hash = "$2b$12$" + String(repeating: "a", count: 53)
        let row = try LegacyAccountRow.parse(
            ["jd1234", "Jane", "Doe", "jane@example.org", "2012-03-15", hash], header: header
        ).get()
        #expect(row.passwordBcrypt == hash)
        #expect(LegacyAccounts.isLegacy(createdAt: row.createdAt, upgradedAt: nil))
        let without = try LegacyAccountRow.parse(
            ["jd1234", "Jane", "Doe", "jane@example.org", "2013-01-02T10:00:00Z", ""], header: header
        ).get()
        #expect(without.passwordBcrypt == nil)
    }

    @Test func everyProblemOfABadRowIsNamed() {
        guard
            case .failure(let problems) = LegacyAccountRow.parse(
                ["j", "", "Doe", "nope", "March 2012", "plain"], header: header)
        else {
            Issue.record("a bad row was accepted")
            return
        }
        let text = problems.problems.joined(separator: "; ")
        for word in ["username", "firstName", "email", "createdAt", "passwordBcrypt"] {
            #expect(text.contains(word), "\(word) is named")
        }
    }
}
