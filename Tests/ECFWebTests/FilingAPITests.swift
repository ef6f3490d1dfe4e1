import ECFApp
import ECFDocuments
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Filing through the API (multipart)")
struct FilingAPITests {
    static func pdf(_ lines: [String], scanned: Bool = false) -> Data {
        var document = SimplePDF(pages: [lines])
        document.textLayer = !scanned
        return document.data()
    }

    static func multipart(
        filing: [String: Any], named jsonName: String = "filing", files: [(name: String, fileName: String, data: Data)]
    ) -> (ByteBuffer, String) {
        let boundary = "openecf-\(UUID().uuidString)"
        var body = Data()
        func add(_ text: String) { body.append(Data(text.utf8)) }
        add(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(jsonName)\"\r\nContent-Type: application/json\r\n\r\n"
        )
        body.append(try! JSONSerialization.data(withJSONObject: filing))
        add("\r\n")
        for file in files {
            add(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.fileName)\"\r\nContent-Type: application/pdf\r\n\r\n"
            )
            body.append(file.data)
            add("\r\n")
        }
        add("--\(boundary)--\r\n")
        return (ByteBuffer(bytes: body), "multipart/form-data; boundary=\(boundary)")
    }

    @Test func aLinkedAttorneyFilesAMotionWithAnExhibit() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let avery = try await api.linkedAvery()
            let courtCase = try await api.call(.get, "/api/v1/courts/nysd/cases/1", token: avery)
            let jane = try #require((courtCase.json["parties"] as? [[String: Any]])?.first?["partyId"] as? String)
            let filing: [String: Any] = [
                "event": "motionToDismiss", "filers": [jane], "attachments": [["description": "Exhibit A"]],
                "redactionAcknowledged": false,
            ]
            func send(
                _ files: [(name: String, fileName: String, data: Data)], query: String = "", key: String? = nil,
                token: String?
            ) async throws
                -> (HTTPResponse.Status, [String: Any])
            {
                let (body, type) = Self.multipart(filing: filing, files: files)
                var headers: HTTPFields = [.contentType: type]
                if let token { headers[.authorization] = "Bearer \(token)" }
                if let key { headers[HTTPField.Name("Idempotency-Key")!] = key }
                return try await client.execute(
                    uri: "/api/v1/courts/nysd/cases/1/filings\(query)", method: .post, headers: headers, body: body
                ) { ($0.status, AccountAPITests.decode($0)) }
            }
            let good: [(name: String, fileName: String, data: Data)] = [
                ("document", "motion.pdf", Self.pdf(["MOTION TO DISMISS"])),
                ("attachment1", "exhibit-a.pdf", Self.pdf(["EXHIBIT A"])),
            ]
            let (anonymous, _) = try await send(good, token: nil)
            #expect(anonymous == .unauthorized)
            let (filed, receipt) = try await send(good, key: "motion-1", token: avery)
            #expect(filed == .created && receipt["entryNumber"] as? Int == 4, "\(filed) \(receipt)")
            #expect((receipt["documents"] as? [[String: Any]])?.count == 2)
            let (again, repeated) = try await send(good, key: "motion-1", token: avery)
            #expect(again == .ok && repeated["repeated"] as? Bool == true && repeated["entryNumber"] as? Int == 4)

            let ssn: [(name: String, fileName: String, data: Data)] = [
                ("document", "motion.pdf", Self.pdf(["SSN 123-45-6789"])),
                ("attachment1", "exhibit-a.pdf", Self.pdf(["EXHIBIT A"])),
            ]
            let (reviewed, review) = try await send(ssn, query: "?validateOnly=true", token: avery)
            #expect(
                reviewed == .ok
                    && (review["redactionFindings"] as? [[String: Any]])?.first?["excerpt"] as? String == "***-**-6789")
            let (unacknowledged, refusal) = try await send(ssn, token: avery)
            #expect(
                unacknowledged == .unprocessableContent && refusal["error"] as? String == "redaction_not_acknowledged")

            let scanned: [(name: String, fileName: String, data: Data)] = [
                ("document", "motion.pdf", Self.pdf(["SCANNED"], scanned: true)),
                ("attachment1", "exhibit-a.pdf", Data()),
            ]
            let (rejected, problems) = try await send(scanned, token: avery)
            #expect(rejected == .unprocessableContent && problems["error"] as? String == "invalid_documents")
            let listed = problems["problems"] as? [[String: Any]] ?? []
            #expect(listed.map { $0["file"] as? String } == ["motion.pdf", "exhibit-a.pdf"])
            #expect((listed.first?["problem"] as? String)?.contains("must be text-searchable") == true)
            #expect(
                try await api.call(.get, "/api/v1/courts/nysd/cases/1/entries", token: avery).json["entries"].map {
                    ($0 as? [Any])?.count
                } == 4)
        }
    }

    @Test func aBodyThatIsNotWellFormedMultipartIsABadRequestNotAServerError() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let avery = try await CourtAPIClient(client: client).linkedAvery()
            try await client.execute(
                uri: "/api/v1/courts/nysd/cases/1/filings", method: .post,
                headers: [.contentType: "multipart/form-data; boundary=abc", .authorization: "Bearer \(avery)"],
                body: ByteBuffer(string: "--abc--\r\n")
            ) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("multipart/form-data"))
            }
        }
    }
}
