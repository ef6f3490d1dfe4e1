import ECFDomain
import Foundation
import Testing

@Suite("The federal courts registry")
struct FederalCourtsTests {
    @Test(
        "knows the CM/ECF document-id prefixes juriscraper knows",
        arguments: [
            ("cacd", "031"), ("cacb", "973"), ("nysd", "127"), ("ca9", "009"), ("dcd", "045"), ("njd", "119"),
        ])
    func prefixes(id: String, prefix: String) throws {
        let court = try #require(FederalCourts.court(CourtID(id)))
        #expect(court.documentIDPrefix == prefix)
    }

    @Test func kindsAndZonesOfTheDemoCourts() throws {
        let cacd = try #require(FederalCourts.court(CourtID("cacd")))
        #expect(cacd.kind == .district)
        #expect(cacd.timeZoneID == "America/Los_Angeles")
        #expect(cacd.name.contains("Central District of California"))
        #expect(FederalCourts.court(CourtID("cacb"))?.kind == .bankruptcy)
        #expect(FederalCourts.court(CourtID("ca9"))?.kind == .appellate)
        #expect(FederalCourts.court(CourtID("nysd"))?.timeZoneID == "America/New_York")
        #expect(FederalCourts.court(CourtID("azd"))?.timeZoneID == "America/Phoenix")
        #expect(FederalCourts.court(CourtID("tnmd"))?.timeZoneID == "America/Chicago")
        #expect(FederalCourts.court(CourtID("tned"))?.timeZoneID == "America/New_York")
    }

    @Test func listsEveryDistrictAndCircuit() {
        let kinds = Dictionary(grouping: FederalCourts.all, by: \.kind).mapValues(\.count)
        #expect(kinds[.district] == 94)
        #expect(kinds[.appellate] == 13)
        #expect((kinds[.bankruptcy] ?? 0) >= 90)
    }

    @Test func idsAndPrefixesAreUniqueAndZonesAreReal() {
        let ids = FederalCourts.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        // juriscraper gives the Court of Appeals for Veterans Claims the D.C. Circuit's prefix.
        let prefixes = FederalCourts.all.filter { $0.kind != .national }.map(\.documentIDPrefix)
        #expect(Set(prefixes).count == prefixes.count)
        for court in FederalCourts.all {
            #expect(TimeZone(identifier: court.timeZoneID) != nil, "\(court.id) has zone \(court.timeZoneID)")
            #expect(court.documentIDPrefix.count == 3 && court.documentIDPrefix.allSatisfy(\.isNumber))
            #expect(court.name == court.name.trimmingCharacters(in: .whitespaces) && !court.name.isEmpty)
        }
    }

    @Test func forgivesCaseAndSpaceButNotTypos() throws {
        #expect(try FederalCourts.require(" CACD ").id == CourtID("cacd"))
        #expect(throws: UnknownCourtError.self) { try FederalCourts.require("cadx") }
        #expect(throws: UnknownCourtError.self) { try FederalCourts.require("") }
        #expect(throws: UnknownCourtError.self) { try FederalCourts.require("ca'; drop") }
    }

    @Test func suggestsTheCourtMeant() {
        #expect(FederalCourts.nearMatches(for: "cadc").contains(CourtID("cadc")))
        #expect(FederalCourts.nearMatches(for: "accd").first == CourtID("cacd"))
        #expect(FederalCourts.nearMatches(for: "cacdd").first == CourtID("cacd"))
        #expect(FederalCourts.nearMatches(for: "nysdd").first == CourtID("nysd"))
        #expect(FederalCourts.nearMatches(for: "zzzzzzzzzz").isEmpty)
        do {
            _ = try FederalCourts.require("nysx")
            Issue.record("nysx was accepted")
        } catch {
            #expect(error.description.contains("nysd"))
            #expect(error.description.contains("no US federal court"))
        }
    }
}
