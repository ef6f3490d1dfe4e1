import ECFApp
import ECFDomain
import ECFPersistence
import ECFServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Generated data (openecf generate)")
struct GeneratedDataTests {
    /// Generates `cases` cases in nysd and cacd on top of the demo data; the first generated case
    /// id of nysd.
    static func generate(_ config: AppConfig, cases: Int, seed: UInt64) async throws -> Int64 {
        let composition = try await Composition.open(config, logger: TestApp.logger)
        do {
            let enable = try await composition.enableCourt()
            for court in ["nysd", "cacd"] { _ = try await enable(court) }
            let first = try await BulkDocketWriter(databases: composition.databases, court: CourtID("nysd")).start()
            var options = JudiciaryGenerator.Options(courts: [CourtID("nysd"), CourtID("cacd")], cases: cases)
            options.seed = seed
            options.sealedPercent = 20
            options.batchCases = 7
            let generator = JudiciaryGenerator(
                options, databases: composition.databases, blobs: composition.documentBlobs(),
                temporary: config.dataDirectory.appendingPathComponent("uploads"))
            let done = try await generator.run { _ in }
            #expect(done.cases == cases && done.courtsDone == 2)
            #expect(done.entries >= cases && done.parties >= 2 * cases)
            await composition.close()
            return first.caseID
        } catch {
            await composition.close()
            throw error
        }
    }

    @Test func generatedCasesAreSearchedDocketedAndServedLikeFiledOnes() async throws {
        let config = TestApp.config()
        // The demo data first, as `serve --demo` seeds it.
        try await TestApp.build(config).test(.router) { _ in }
        let first = try await Self.generate(config, cases: 40, seed: 7)
        try await TestApp.build(config).test(.router) { client in
            let api = CourtAPIClient(client: client)
            let press = try await api.pacer(Demo.press.username, Demo.press.password)
            // A public generated case: its docket, a party found by the national locator, a
            // document served.
            var publicCase: [String: Any]?
            var sealedCases = 0
            for id in first..<(first + 20) {
                let answer = try await api.call(.get, "/api/v1/courts/nysd/cases/\(id)/docket", token: press)
                if answer.status == .notFound {
                    sealedCases += 1
                } else if publicCase == nil {
                    #expect(answer.status == .ok)
                    publicCase = answer.json
                }
            }
            #expect(sealedCases > 0 && sealedCases < 20, "some generated cases are sealed, not all")
            let docket = try #require(publicCase)
            let courtCase = try #require(docket["case"] as? [String: Any])
            let entries = docket["entries"] as? [[String: Any]] ?? []
            #expect(!entries.isEmpty && (entries.first?["docketText"] as? String)?.hasPrefix("COMPLAINT") == true)
            let title = try #require(courtCase["title"] as? String)
            let plaintiff = String(title.split(separator: " v. ").first ?? "")
            let found = try await api.call(
                .get,
                "/api/v1/pacer/locator?party=\(plaintiff.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&court=nysd&limit=100",
                token: press)
            let numbers = (found.json["cases"] as? [[String: Any]] ?? []).compactMap { $0["caseNumber"] as? String }
            #expect(numbers.contains(courtCase["caseNumber"] as? String ?? "-"), "\(plaintiff): \(numbers)")
            let documents = entries.compactMap { ($0["documents"] as? [[String: Any]])?.first?["docId"] as? String }
            let document = try #require(documents.first)
            try await client.execute(
                uri: "/ecf/nysd/doc1/\(document)", method: .get, headers: [.authorization: "Bearer \(press)"]
            ) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "application/pdf")
                #expect(String(buffer: response.body).hasPrefix("%PDF"))
            }
        }
    }

    @Test func aGeneratedCaseWithCounselServesEachOfThemANotice() async throws {
        let config = TestApp.config()
        try await TestApp.build(config).test(.router) { _ in }
        let composition = try await Composition.open(config, logger: TestApp.logger)
        let summary: GeneratedCase.Summary
        do {
            summary = try await GeneratedCase.generate(
                in: "nysd", .init(parties: 6, entries: 3, seed: 2, counsel: 7),
                context: try await composition.courtContext(), blobs: composition.documentBlobs(),
                temporary: config.dataDirectory.appendingPathComponent("uploads"))
            await composition.close()
        } catch {
            await composition.close()
            throw error
        }
        #expect(summary.counsel == 7)
        try await TestApp.build(config).test(.router) { client in
            let api = CourtAPIClient(client: client)
            let avery = try await api.linkedAvery()
            let list = try await api.call(
                .get, "/api/v1/courts/nysd/cases/\(summary.caseId)/service-list", token: avery)
            let electronic = list.json["electronic"] as? [[String: Any]] ?? []
            let counsel = electronic.filter { ($0["name"] as? String)?.hasPrefix("Counsel Number") == true }
            // Each of them mailed every filing, none for a terminated party (those are not served).
            #expect(counsel.count == 7, "\(electronic)")
            #expect(counsel.allSatisfy { $0["delivery"] as? String == "eachFiling" })
        }
    }
}
