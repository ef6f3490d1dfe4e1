import ECFApp
import ECFDocuments
import ECFDomain
import ECFPersistence
import ECFServices
import Foundation
import HummingbirdTesting
import SQLKit
import Testing

@Suite("Filing into a case (the use case, with real PDF inspection and the court database)")
struct FileDocumentTests {
    struct Setup {
        let composition: Composition
        let context: CourtContext
        let file: FileDocument
        let court: OpenCourt
        let jane: Int64

        func identity(pacer username: String, linked login: String?) async throws -> CourtIdentity {
            let account = try #require(try await composition.accountStore().account(username: Username(username)!))
            let linked = try await login.asyncMap { try await court.store.account(login: CourtLogin($0)!) } ?? nil
            return .pacer(PacerProfile(account), linked: linked)
        }
    }

    func setUp() async throws -> Setup {
        let config = TestApp.config()
        // The server seeds the demo; run it once and shut it down cleanly.
        try await TestApp.build(config).test(.router) { _ in }
        let composition = try await Composition.open(
            config, logger: TestApp.logger, hasher: BcryptPasswordHasher(cost: 4))
        let context = try await composition.courtContext()
        let court = try await context.court("nysd")
        let jane = try #require(try await context.stores.docket(court.id).parties(of: CaseID(1)).first?.id)
        return Setup(
            composition: composition, context: context,
            file: FileDocument(
                context, inspector: ToolPDFInspector(), blobs: composition.documentBlobs(),
                payments: composition.payments()),
            court: court,
            jane: jane)
    }

    func pdf(_ lines: [String], scanned: Bool = false) throws -> URL {
        var document = SimplePDF(pages: [lines])
        document.textLayer = !scanned
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("filing-\(UUID().uuidString).pdf")
        try document.data().write(to: url)
        return url
    }

    func motion(_ setup: Setup, main: URL, key: String? = nil, acknowledged: Bool = false) -> FileDocument.Filing {
        FileDocument.Filing(
            eventID: "motionToDismiss", filers: [setup.jane], addedText: nil,
            files: [
                UploadedFile(url: main, originalName: "motion.pdf", description: "Motion"),
                UploadedFile(url: try! pdf(["EXHIBIT A"]), originalName: "exhibit-a.pdf", description: "Exhibit A"),
            ],
            redactionAcknowledged: acknowledged, idempotencyKey: key)
    }

    @Test func aLinkedAttorneyFilesOnceEvenWhenTheSubmissionIsRepeated() async throws {
        let setup = try await setUp()
        let avery = try await setup.identity(pacer: "demo-attorney", linked: "avery-attorney")
        let filing = motion(setup, main: try pdf(["MOTION TO DISMISS", "No personal data here."]), key: "k-1")
        let first = try await setup.file(filing, into: CaseID(1), in: setup.court, identity: avery, validateOnly: false)
        #expect(first.entry?.number == 4 && first.entry?.documents.count == 2 && !first.repeated)
        #expect(
            first.review.docketText.hasSuffix(
                "filed by Plaintiff Jane Roe. (Attachments: # 1 Exhibit A) (Attorney, Avery)"))
        let again = try await setup.file(
            motion(setup, main: try pdf(["MOTION TO DISMISS", "No personal data here."]), key: "k-1"), into: CaseID(1),
            in: setup.court, identity: avery, validateOnly: false)
        #expect(again.repeated && again.entry?.number == 4)
        #expect(try await setup.context.stores.docket(setup.court.id).entries(of: CaseID(1)).count == 5)
        await setup.composition.close()
    }

    @Test func twoSubmissionsWithOneKeyAtOnceFileOnce() async throws {
        let setup = try await setUp()
        let avery = try await setup.identity(pacer: "demo-attorney", linked: "avery-attorney")
        let first = motion(setup, main: try pdf(["MOTION TO DISMISS"]), key: "same-key")
        let second = motion(setup, main: try pdf(["MOTION TO DISMISS"]), key: "same-key")
        async let a = setup.file(first, into: CaseID(1), in: setup.court, identity: avery, validateOnly: false)
        async let b = setup.file(second, into: CaseID(1), in: setup.court, identity: avery, validateOnly: false)
        let outcomes = try await [a, b]
        #expect(outcomes.map { $0.entry?.number } == [4, 4])
        #expect(outcomes.filter(\.repeated).count == 1)
        let numbers = try await setup.context.stores.docket(setup.court.id).entries(of: CaseID(1)).compactMap(\.number)
        #expect(numbers == [1, 2, 3, 4], "no gap and no second entry")
        await setup.composition.close()
    }

    @Test func aFullSocialSecurityNumberMustBeAcknowledgedAndAScannedPDFIsRefused() async throws {
        let setup = try await setUp()
        let avery = try await setup.identity(pacer: "demo-attorney", linked: "avery-attorney")
        let withSSN = try pdf(["MOTION TO DISMISS", "Plaintiff's SSN is 123-45-6789."])
        let preview = try await setup.file(
            motion(setup, main: withSSN), into: CaseID(1), in: setup.court, identity: avery, validateOnly: true)
        #expect(preview.entry == nil && preview.review.redactionHits.map(\.hit.kind) == [.socialSecurityNumber])
        #expect(
            preview.review.redactionHits.first?.hit.excerpt == "***-**-6789"
                && preview.review.redactionHits.first?.file == "motion.pdf")
        await #expect(throws: CourtError.self) {
            _ = try await setup.file(
                motion(setup, main: try pdf(["Plaintiff's SSN is 123-45-6789."])), into: CaseID(1), in: setup.court,
                identity: avery, validateOnly: false)
        }
        let filed = try await setup.file(
            motion(setup, main: try pdf(["Plaintiff's SSN is 123-45-6789."]), acknowledged: true), into: CaseID(1),
            in: setup.court, identity: avery, validateOnly: false)
        #expect(filed.entry?.number == 4)
        do {
            _ = try await setup.file(
                motion(setup, main: try pdf(["SCANNED"], scanned: true)), into: CaseID(1), in: setup.court,
                identity: avery, validateOnly: false)
            Issue.record("a scanned PDF was filed")
        } catch let rejected as FileDocument.Rejected {
            #expect(rejected.problems.map(\.file) == ["motion.pdf"])
            #expect(rejected.problems.first?.problem.contains("must be text-searchable") == true)
        }
        await setup.composition.close()
    }

    @Test func strangersMediaAndUnlinkedUsersAreRefused() async throws {
        let setup = try await setUp()
        let filing = motion(setup, main: try pdf(["MOTION"]))
        let cases: [(CourtIdentity, String)] = [
            (try await setup.identity(pacer: "demo-attorney", linked: nil), "not_linked"),
            (try await setup.identity(pacer: "demo-attorney", linked: "morgan-media"), "role_may_not_file"),
            (try await setup.identity(pacer: "demo-attorney", linked: "lee-jordan"), "not_allowed_to_file"),
            // A pro se filer files only in its own case.
            (try await setup.identity(pacer: "demo-attorney", linked: "pat-doe"), "not_allowed_to_file"),
            (.nobody, "not_signed_in"),
        ]
        for (identity, code) in cases {
            do {
                _ = try await setup.file(
                    filing, into: CaseID(1), in: setup.court, identity: identity, validateOnly: false)
                Issue.record("\(code): filed")
            } catch let error as CourtError {
                #expect(error.code.rawValue == code)
            }
        }
        await setup.composition.close()
    }

    @Test func aSealedCaseIsNotFoundByFilersOutsideItWhileItsAttorneyStillFiles() async throws {
        let setup = try await setUp()
        let docket = try await setup.context.stores.docket(setup.court.id)
        _ = try await docket.transaction { try await $0.restrict(CaseID(1), to: .sealed) }
        do {
            _ = try await setup.file(
                motion(setup, main: try pdf(["MOTION"])), into: CaseID(1), in: setup.court,
                identity: try await setup.identity(pacer: "demo-attorney", linked: "lee-jordan"), validateOnly: true)
            Issue.record("an outsider reached a sealed case")
        } catch let error as CourtError {
            #expect(error.code == .notFound)
        }
        let filed = try await setup.file(
            motion(setup, main: try pdf(["MOTION UNDER SEAL"])), into: CaseID(1), in: setup.court,
            identity: try await setup.identity(pacer: "demo-attorney", linked: "avery-attorney"), validateOnly: false)
        #expect(filed.entry?.restriction == .sealed)
        await setup.composition.close()
    }

    @Test func aFilingThatFailsAfterItsEntryLeavesNeitherEntryNorNotice() async throws {
        let setup = try await setUp()
        let avery = try await setup.identity(pacer: "demo-attorney", linked: "avery-attorney")
        let database = try await setup.composition.databases.court(CourtID("nysd"))
        let sql = try #require(database as? any SQLDatabase)
        let outbox = SQLOutboxStore(database: database)
        func notices() async throws -> Int {
            try await outbox.due(at: .distantFuture, limit: 1000).filter {
                (try? $0.decodedMail().subject.contains("Activity in Case")) == true
            }.count
        }
        let docket = try await setup.context.stores.docket(setup.court.id)
        let before = try await docket.entries(of: CaseID(1)).count
        // The database refuses the service records: the failure comes after the entry, its
        // documents and its notices were written in the transaction.
        try await sql.raw(
            "CREATE TRIGGER forced_failure BEFORE INSERT ON service_records BEGIN SELECT RAISE(ABORT, 'forced'); END"
        ).run()
        await #expect(throws: (any Error).self) {
            _ = try await setup.file(
                motion(setup, main: try pdf(["MOTION TO DISMISS"])), into: CaseID(1), in: setup.court, identity: avery,
                validateOnly: false)
        }
        #expect(try await docket.entries(of: CaseID(1)).count == before)
        #expect(try await notices() == 0)
        try await sql.raw("DROP TRIGGER forced_failure").run()
        let filed = try await setup.file(
            motion(setup, main: try pdf(["MOTION TO DISMISS"])), into: CaseID(1), in: setup.court, identity: avery,
            validateOnly: false)
        #expect(filed.entry?.number == 4, "the failed filing gave its number back")
        #expect(try await notices() == 1, "Avery, the only registered participant, is served once")
        await setup.composition.close()
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
