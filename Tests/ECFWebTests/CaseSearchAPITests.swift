import ECFApp
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Finding cases: a court's search and the national case locator")
struct CaseSearchAPITests {
    static func numbers(_ answer: CourtAPIClient.Answer) -> [String] {
        (answer.json["cases"] as? [[String: Any]] ?? []).compactMap { $0["caseNumber"] as? String }
    }

    static func titles(_ answer: CourtAPIClient.Answer) -> [String] {
        (answer.json["cases"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
    }

    @Test func aCourtsCasesAreFoundByNumberInAnyFormByPartyAndPageByPage() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let press = try await api.pacer(Demo.press.username, Demo.press.password)
            let all = try await api.call(.get, "/api/v1/courts/nysd/cases", token: press)
            #expect(all.status == .ok)
            #expect(
                Self.titles(all) == [
                    "Northwind Shipping Co. v. Bluewater Logistics, Inc.", "Roe v. Bolt Fasteners, Inc.",
                ])
            #expect(all.json["nextCursor"] == nil)
            let second = try #require(Self.numbers(all).first)
            let year = second.dropFirst(2).prefix(2)
            for typed in [String(second.prefix(13)), "\(year)-2", "2:\(year)cv2", "\(year)-cv-00002", "20\(year)-2"] {
                let found = try await api.call(.get, "/api/v1/courts/nysd/cases?number=\(typed)", token: press)
                #expect(Self.numbers(found) == [second], "\(typed)")
            }
            for party in ["bluewat", "RIVÉRA", "Sam%20Riv", "northwind%20ship"] {
                let found = try await api.call(.get, "/api/v1/courts/nysd/cases?party=\(party)", token: press)
                #expect(Self.numbers(found) == [second], "\(party)")
            }
            #expect(
                Self.numbers(try await api.call(.get, "/api/v1/courts/nysd/cases?party=ship", token: press)) == [second]
            )
            #expect(
                Self.numbers(try await api.call(.get, "/api/v1/courts/nysd/cases?party=hipping", token: press)).isEmpty)
            #expect(
                Self.titles(try await api.call(.get, "/api/v1/courts/nysd/cases?natureOfSuit=442", token: press)) == [
                    "Roe v. Bolt Fasteners, Inc."
                ])
            #expect(
                Self.numbers(try await api.call(.get, "/api/v1/courts/nysd/cases?status=closed", token: press)).isEmpty)
            #expect(
                Self.numbers(try await api.call(.get, "/api/v1/courts/nysd/cases?filedTo=2000-01-01", token: press))
                    .isEmpty)

            let first = try await api.call(.get, "/api/v1/courts/nysd/cases?limit=1", token: press)
            let cursor = try #require(first.json["nextCursor"] as? String)
            #expect(Self.numbers(first) == [second])
            let next = try await api.call(.get, "/api/v1/courts/nysd/cases?limit=1&cursor=\(cursor)", token: press)
            #expect(Self.titles(next) == ["Roe v. Bolt Fasteners, Inc."])
            #expect(next.json["nextCursor"] == nil)

            let bad = try await api.call(
                .get, "/api/v1/courts/nysd/cases?number=twelve&party=x&filedFrom=2026-13-01&limit=0", token: press)
            #expect(bad.status == .unprocessableContent)
            let fields = bad.json["fields"] as? [String: String] ?? [:]
            #expect(Set(fields.keys) == ["number", "party", "filedFrom", "limit"])
            #expect(fields["party"] == "Enter at least two letters of a party's name.")
        }
    }

    @Test func aSealedCaseShowsThePublicOnlyItsNumberAndNeverItsParties() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let press = try await api.pacer(Demo.press.username, Demo.press.password)
            let clerk = try await api.pacer(Demo.clerk.username, Demo.clerk.password)
            let sealed = try await api.call(
                .put, "/api/v1/courts/nysd/cases/1/restriction", token: clerk, body: ["restriction": "sealed"])
            #expect(sealed.status == .ok || sealed.status == .noContent)
            let all = try await api.call(.get, "/api/v1/courts/nysd/cases", token: press)
            let hits = all.json["cases"] as? [[String: Any]] ?? []
            let hidden = try #require(hits.first { $0["caseId"] as? String == "1" })
            #expect(hidden["title"] as? String == "Sealed")
            #expect(hidden["restriction"] as? String == "sealed")
            #expect(hidden["dateFiled"] == nil)
            #expect((hidden["caseNumber"] as? String)?.hasPrefix("2:") == true)
            #expect(Self.numbers(try await api.call(.get, "/api/v1/courts/nysd/cases?party=roe", token: press)).isEmpty)
            #expect(
                Self.numbers(try await api.call(.get, "/api/v1/courts/nysd/cases?natureOfSuit=442", token: press))
                    .isEmpty)
            let court = try await api.call(.get, "/api/v1/courts/nysd/cases?party=roe", token: clerk)
            #expect(Self.titles(court) == ["Roe v. Bolt Fasteners, Inc."])

            // The locator learns of the sealing within seconds, and never had the parties of the sealed case.
            var located: CourtAPIClient.Answer?
            for _ in 0..<50 {
                let answer = try await api.call(
                    .get, "/api/v1/pacer/locator?court=nysd&number=\(hidden["caseNumber"]!)", token: press)
                if Self.titles(answer) == ["Sealed"] {
                    located = answer
                    break
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(located != nil, "the locator still shows the sealed case's title after 5 seconds")
            // The same demo case in cacd stays public there.
            let roe = try await api.call(.get, "/api/v1/pacer/locator?party=roe", token: press)
            #expect((roe.json["cases"] as? [[String: Any]] ?? []).compactMap { $0["court"] as? String } == ["cacd"])
        }
    }

    @Test func theLocatorFindsAPartyInEveryCourtAndANewCaseWithinSeconds() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let press = try await api.pacer(Demo.press.username, Demo.press.password)
            func courts(_ answer: CourtAPIClient.Answer) -> [String] {
                (answer.json["cases"] as? [[String: Any]] ?? []).compactMap { $0["court"] as? String }.sorted()
            }
            var northwind: [String] = []
            for _ in 0..<50 where northwind.count < 2 {
                northwind = courts(try await api.call(.get, "/api/v1/pacer/locator?party=northwind", token: press))
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(northwind == ["cacd", "nysd"])
            #expect(
                courts(try await api.call(.get, "/api/v1/pacer/locator?party=northwind&court=cacd", token: press)) == [
                    "cacd"
                ])
            let bad = try await api.call(.get, "/api/v1/pacer/locator?court=atlantis&filedFrom=soon", token: press)
            #expect(bad.status == .unprocessableContent)
            #expect(Set((bad.json["fields"] as? [String: String] ?? [:]).keys) == ["court", "filedFrom"])

            let avery = try await api.linkedAvery()
            let complaint: [CaseOpeningAPITests.File] = [
                ("document", "complaint.pdf", FilingAPITests.pdf(["COMPLAINT", "Breach."]))
            ]
            let (status, opened) = try await CaseOpeningAPITests.send(
                client, "/api/v1/courts/nysd/cases", json: CaseOpeningAPITests.opening(), named: "case",
                files: complaint, token: avery)
            #expect(status == .created, "\(opened)")
            let started = Date()
            var found: [String] = []
            while found.isEmpty, Date().timeIntervalSince(started) < 5 {
                found = Self.titles(try await api.call(.get, "/api/v1/pacer/locator?party=acme%20widg", token: press))
                if found.isEmpty { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(found == ["Doe v. Acme Widgets LLC"], "the new case was not in the locator within 5 seconds")
        }
    }
}
