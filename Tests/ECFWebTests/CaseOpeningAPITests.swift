import ECFApp
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Opening a case and paying fees through the API")
struct CaseOpeningAPITests {
    typealias File = (name: String, fileName: String, data: Data)

    nonisolated(unsafe) static let card: [String: Any] = [
        "cardNumber": "4111 1111 1111 1111", "expiry": "12/30", "cardholder": "Avery Attorney",
    ]

    static func opening(payment: [String: Any]? = card, acknowledged: Bool = false) -> [String: Any] {
        var body: [String: Any] = [
            "title": "Doe v. Acme Widgets LLC", "natureOfSuit": 190, "cause": "28:1332 Diversity-Breach of Contract",
            "jurisdiction": "Diversity", "juryDemand": "Both", "demand": "$80,000",
            "parties": [
                ["name": "John Doe", "type": "plaintiff", "represented": true],
                ["name": "Acme Widgets LLC", "type": "defendant"],
            ],
            "redactionAcknowledged": acknowledged,
        ]
        if let payment { body["payment"] = payment }
        return body
    }

    static func send(
        _ client: some TestClientProtocol, _ uri: String, json: [String: Any], named name: String, files: [File],
        token: String?, key: String? = nil
    ) async throws -> (HTTPResponse.Status, [String: Any]) {
        let (body, type) = FilingAPITests.multipart(filing: json, named: name, files: files)
        var headers: HTTPFields = [.contentType: type]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let key { headers[HTTPField.Name("Idempotency-Key")!] = key }
        return try await client.execute(uri: uri, method: .post, headers: headers, body: body) {
            ($0.status, AccountAPITests.decode($0))
        }
    }

    @Test func aLinkedAttorneyPaysTheFeeAndGetsACaseNumberWithEntryOne() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let avery = try await api.linkedAvery()
            let complaint: [File] = [("document", "complaint.pdf", FilingAPITests.pdf(["COMPLAINT", "Breach."]))]
            func open(_ json: [String: Any], query: String = "", key: String? = nil) async throws -> (
                HTTPResponse.Status, [String: Any]
            ) {
                try await Self.send(
                    client, "/api/v1/courts/nysd/cases\(query)", json: json, named: "case", files: complaint,
                    token: avery, key: key)
            }

            let (reviewed, review) = try await open(Self.opening(payment: nil), query: "?validateOnly=true")
            #expect(reviewed == .ok && (review["fee"] as? [String: Any])?["cents"] as? Int == 40_500, "\(review)")
            #expect(
                review["docketText"] as? String
                    == "COMPLAINT against Acme Widgets LLC (Filing fee $405.00) filed by Plaintiff John Doe. (Attorney, Avery)"
            )

            let (unpaid, noCard) = try await open(Self.opening(payment: nil))
            #expect(unpaid == .unprocessableContent && noCard["error"] as? String == "payment_required")
            var declinedCard = Self.card
            declinedCard["cardNumber"] = "4000 0000 0000 0002"
            let (declined, refusal) = try await open(Self.opening(payment: declinedCard))
            #expect(declined.code == 402 && refusal["error"] as? String == "payment_declined")
            #expect((refusal["message"] as? String)?.contains("Nothing was filed") == true)
            var slowCard = Self.card
            slowCard["cardNumber"] = "4000 0000 0000 0119"
            let (timedOut, _) = try await open(Self.opening(payment: slowCard))
            #expect(timedOut == .gatewayTimeout)
            var badCard = Self.card
            badCard["cardNumber"] = "4111 1111 1111 1112"
            let (invalid, typo) = try await open(Self.opening(payment: badCard))
            #expect(invalid == .unprocessableContent && (typo["fields"] as? [String: String])?["cardNumber"] != nil)
            // None of the refused payments opened a case.
            #expect(try await api.call(.get, "/api/v1/courts/nysd/cases/3", token: avery).status == .notFound)

            let (created, opened) = try await open(Self.opening(), key: "open-doe")
            #expect(created == .created, "\(opened)")
            let number = try #require(opened["caseNumber"] as? String)
            let year = Calendar(identifier: .gregorian).component(.year, from: Date()) % 100
            // The demo's nysd judges are Harriet Ellis and Marcus Webb.
            #expect(["HE", "MW"].contains { number == String(format: "2:%02d-cv-00003-%@", year, $0) }, "\(number)")
            #expect(opened["entryNumber"] as? Int == 1 && opened["caseId"] as? String == "3")
            let payment = try #require(opened["payment"] as? [String: Any])
            let receipt = try #require(payment["receiptNumber"] as? String)
            #expect(receipt.hasPrefix("TEST-") && payment["cardLastFour"] as? String == "1111")
            #expect((opened["docketText"] as? String)?.contains("receipt number \(receipt)") == true)
            let (again, repeated) = try await open(Self.opening(), key: "open-doe")
            #expect(
                again == .ok && repeated["repeated"] as? Bool == true && repeated["caseNumber"] as? String == number)
            #expect(try await api.call(.get, "/api/v1/courts/nysd/cases/4", token: avery).status == .notFound)

            let courtCase = try await api.call(.get, "/api/v1/courts/nysd/cases/3", token: avery)
            let parties = courtCase.json["parties"] as? [[String: Any]] ?? []
            #expect(parties.map { $0["name"] as? String } == ["John Doe", "Acme Widgets LLC"])
            let lawyers = (parties.first?["attorneys"] as? [[String: Any]])?.first?["roles"] as? [String]
            #expect(lawyers == ["LEAD ATTORNEY", "ATTORNEY TO BE NOTICED"])

            // A notice of appeal in the new case has its own fee.
            let john = try #require(parties.first?["partyId"] as? String)
            let appeal: [String: Any] = ["event": "noticeOfAppeal", "filers": [john], "payment": Self.card]
            let (appealed, appealReceipt) = try await Self.send(
                client, "/api/v1/courts/nysd/cases/3/filings", json: appeal, named: "filing",
                files: [("document", "appeal.pdf", FilingAPITests.pdf(["NOTICE OF APPEAL"]))], token: avery)
            #expect(appealed == .created && appealReceipt["entryNumber"] as? Int == 2, "\(appealReceipt)")
            #expect(
                ((appealReceipt["payment"] as? [String: Any])?["amount"] as? [String: Any])?["cents"] as? Int
                    == 60_500)
        }
    }

    @Test func onlyAttorneysOpenCasesAndTheFormSaysWhatIsMissing() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let avery = try await api.pacer(Demo.attorney.username, Demo.attorney.password)
            let complaint: [File] = [("document", "complaint.pdf", FilingAPITests.pdf(["COMPLAINT"]))]
            let (unlinked, notLinked) = try await Self.send(
                client, "/api/v1/courts/nysd/cases", json: Self.opening(), named: "case", files: complaint,
                token: avery)
            #expect(unlinked == .forbidden && notLinked["error"] as? String == "not_linked")
            // cacd is still on its legacy system: the court login files there, and Lee is an attorney.
            let lee = try await api.courtToken("cacd", Demo.courtLegacy.login, Demo.courtLegacy.password)
            var incomplete = Self.opening()
            incomplete["parties"] = [["name": "John Doe", "type": "plaintiff", "represented": true]]
            incomplete["natureOfSuit"] = 12
            let (invalid, problems) = try await Self.send(
                client, "/api/v1/courts/cacd/cases", json: incomplete, named: "case", files: [], token: lee)
            let fields = problems["fields"] as? [String: String] ?? [:]
            #expect(invalid == .unprocessableContent && fields["parties"] != nil && fields["natureOfSuit"] != nil)
            let (noComplaint, missing) = try await Self.send(
                client, "/api/v1/courts/cacd/cases", json: Self.opening(), named: "case", files: [], token: lee)
            #expect(
                noComplaint == .unprocessableContent && (missing["fields"] as? [String: String])?["document"] != nil)
            let clerk = try await api.courtToken("cacd", Demo.cacdClerk.login, Demo.cacdClerk.password)
            // The clerk opens a case for a filer (a paper complaint) without becoming anyone's attorney.
            let (byClerk, opened) = try await Self.send(
                client, "/api/v1/courts/cacd/cases", json: Self.opening(), named: "case", files: complaint,
                token: clerk)
            #expect(byClerk == .created, "\(opened)")
            let caseID = try #require(opened["caseId"] as? String)
            let parties =
                try await api.call(.get, "/api/v1/courts/cacd/cases/\(caseID)", token: clerk)
                .json["parties"] as? [[String: Any]]
            #expect(parties?.first?["name"] as? String == "John Doe")
            #expect((parties?.first?["attorneys"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func theCourtSetsItsFileLimitAndWhetherScansAreOnlyWarnedAbout() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let clerk = try await api.courtToken("cacd", Demo.cacdClerk.login, Demo.cacdClerk.password)
            let lee = try await api.courtToken("cacd", Demo.courtLegacy.login, Demo.courtLegacy.password)
            let standard = try await api.call(.get, "/api/v1/courts/cacd/settings")
            #expect(
                standard.json["maxFileMegabytes"] as? Int == 35 && standard.json["scannedPDFs"] as? String == "refuse")
            let refused = try await api.call(
                .put, "/api/v1/courts/cacd/settings", token: lee, body: ["maxFileMegabytes": 1, "scannedPDFs": "warn"])
            #expect(refused.status == .forbidden)
            let bad = try await api.call(
                .put, "/api/v1/courts/cacd/settings", token: clerk, body: ["maxFileMegabytes": 0, "scannedPDFs": "no"])
            #expect(bad.status == .unprocessableContent && (bad.json["fields"] as? [String: String])?.count == 2)
            let changed = try await api.call(
                .put, "/api/v1/courts/cacd/settings", token: clerk,
                body: ["maxFileMegabytes": 1, "scannedPDFs": "warn"])
            #expect(changed.status == .ok && changed.json["maxFileMegabytes"] as? Int == 1)

            let scan: [File] = [
                ("document", "scan.pdf", FilingAPITests.pdf(["SCANNED COMPLAINT"], scanned: true))
            ]
            let (reviewed, review) = try await Self.send(
                client, "/api/v1/courts/cacd/cases?validateOnly=true", json: Self.opening(), named: "case",
                files: scan, token: lee)
            let warnings = review["warnings"] as? [[String: Any]] ?? []
            #expect(reviewed == .ok && warnings.first?["file"] as? String == "scan.pdf", "\(review)")
            let big = Data(repeating: 0x20, count: 1_100_000)
            let (tooLarge, answer) = try await Self.send(
                client, "/api/v1/courts/cacd/cases", json: Self.opening(), named: "case",
                files: [("document", "big.pdf", big)], token: lee)
            #expect(tooLarge == .contentTooLarge)
            #expect((answer["message"] as? String)?.contains("limit of 1 MB") == true)
        }
    }
}
