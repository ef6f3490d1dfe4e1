import ECFDocuments
import ECFDomain
import ECFPersistence
import ECFServices
import Foundation
import Synchronization

/// Makes up a judiciary's worth of district-court dockets straight into the databases
/// (`openecf generate`): cases with parties, attorneys of record, docket entries with text of
/// realistic length and their documents (a few small real PDFs, each stored once and shared),
/// some cases and entries sealed; the national locator learns every case as it would have. The
/// same seed makes the same data.
public struct JudiciaryGenerator: Sendable {
    public struct Options: Sendable {
        public var courts: [CourtID]
        public var cases: Int
        public var partiesPerCase = 3
        public var entriesPerCase = 20
        public var sealedPercent = 1
        public var attorneysPerCourt = 200
        public var seed: UInt64 = 1
        /// Cases written in one transaction.
        public var batchCases = 500

        public init(courts: [CourtID], cases: Int) {
            self.courts = courts
            self.cases = cases
        }
    }

    /// What has been written so far.
    public struct Progress: Sendable {
        public var cases = 0
        public var parties = 0
        public var entries = 0
        public var documents = 0
        public var courtsDone = 0
    }

    /// The last day a generated case may be filed; cases go back eight years from it.
    static let lastDay = DateOnly(year: 2026, month: 6, day: 30)
    static let years = 8

    let options: Options
    let databases: ECFDatabases
    let blobs: FileBlobStore
    let temporary: URL

    public init(_ options: Options, databases: ECFDatabases, blobs: FileBlobStore, temporary: URL) {
        self.options = options
        self.databases = databases
        self.blobs = blobs
        self.temporary = temporary
    }

    /// The district courts, every one of them (94) or the first `count` by id.
    public static func districtCourts(_ count: Int? = nil) -> [CourtID] {
        let all = FederalCourts.all.filter { $0.kind == .district }.map(\.id).sorted { $0.rawValue < $1.rawValue }
        return count.map { Array(all.prefix($0)) } ?? all
    }

    /// Writes everything, `jobs` courts at a time (each court's database is its own; the
    /// locator's writes take turns), calling `report` after each batch.
    public func run(jobs: Int = 2, report: @escaping @Sendable (Progress) -> Void) async throws -> Progress {
        let documents = try await keepDocuments()
        try await BulkDocketWriter.startLocator(databases)
        let progress = Tally()
        let locatorTurns = TakingTurns()
        let backlog = LocatorTextBacklog()
        let courts = Array(options.courts.enumerated())
        let share = options.cases / max(courts.count, 1)
        let extra = options.cases % max(courts.count, 1)
        try await withThrowingTaskGroup(of: Void.self) { group in
            var pending = courts.makeIterator()
            func startNext() {
                guard let (index, court) = pending.next() else { return }
                group.addTask {
                    let cases = share + (index < extra ? 1 : 0)
                    var random = SeededGenerator(seed: options.seed &* 1_000_003 &+ UInt64(index))
                    try await generate(
                        cases, in: court, documents: documents, locatorTurns: locatorTurns, backlog: backlog,
                        random: &random
                    ) { batch in
                        report(
                            progress.counts.withLock {
                                $0.cases += batch.cases.count
                                $0.parties += batch.parties.count
                                $0.entries += batch.entries.count
                                $0.documents += batch.entries.reduce(0) { $0 + $1.documents.count }
                                return $0
                            })
                    }
                    report(
                        progress.counts.withLock {
                            $0.courtsDone += 1
                            return $0
                        })
                }
            }
            for _ in 0..<max(jobs, 1) { startNext() }
            while try await group.next() != nil { startNext() }
        }
        try await BulkDocketWriter.finishLocator(databases, backlog: backlog)
        return progress.counts.withLock { $0 }
    }

    /// The progress of every court's task.
    final class Tally: Sendable {
        let counts = Mutex(Progress())
    }

    /// A stored PDF the generated documents share.
    struct StoredDocument: Sendable {
        let pages: Int
        let bytes: Int
        let sha256: String
    }

    /// A few small real PDFs (1 to 30 pages), each kept once in the blob store.
    func keepDocuments() async throws -> [StoredDocument] {
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        var stored: [StoredDocument] = []
        for pages in [1, 2, 3, 5, 8, 12, 30] {
            let pdf = SimplePDF(
                pages: (1...pages).map {
                    ["GENERATED DOCUMENT", "Page \($0) of \(pages). For trying OpenECF; no real filing."]
                })
            let file = temporary.appendingPathComponent("generated-\(UUID().uuidString).pdf")
            try pdf.data().write(to: file)
            let kept = try await blobs.keep(file)
            stored.append(StoredDocument(pages: pages, bytes: kept.bytes, sha256: kept.sha256))
        }
        return stored
    }

    func generate(
        _ count: Int, in courtID: CourtID, documents: [StoredDocument], locatorTurns: TakingTurns,
        backlog: LocatorTextBacklog, random: inout SeededGenerator, written: (BulkDocketWriter.Batch) -> Void
    ) async throws {
        guard let court = FederalCourts.court(courtID), court.kind == .district else {
            throw CourtError(
                .invalid, "\(courtID.rawValue) is not a district court; generated data is for district courts.")
        }
        let writer = try await BulkDocketWriter(databases: databases, court: courtID)
        var next = try await writer.start()
        let attorneys = (0..<options.attorneysPerCourt).map { index in
            Self.attorney(index, court: courtID, run: next.caseID, random: &random)
        }
        try await writer.insert(accounts: attorneys)
        // The court's next batches are made and written while earlier ones wait for the locator
        // (whose writes take turns, and now and then index a piece of words at length), up to
        // `Self.locatorQueue` of them.
        try await withThrowingTaskGroup(of: BulkDocketWriter.Batch.self) { waiting in
            var batch = BulkDocketWriter.Batch()
            var queued = 0
            func write() async throws {
                let words = try await writer.writeToCourt(batch)
                waiting.addTask { [batch] in
                    try await locatorTurns.inTurn {
                        try await writer.writeToLocator(batch, words: words, backlog: backlog)
                    }
                    return batch
                }
                queued += 1
                if queued >= Self.locatorQueue, let done = try await waiting.next() {
                    queued -= 1
                    written(done)
                }
                batch = BulkDocketWriter.Batch()
            }
            for _ in 0..<count {
                try add(
                    to: &batch, court: court, next: &next, attorneys: attorneys, documents: documents, random: &random)
                if batch.cases.count >= options.batchCases { try await write() }
            }
            if !batch.isEmpty { try await write() }
            while let done = try await waiting.next() { written(done) }
        }
        try await writer.finish(next)
    }

    /// A court's batches written but not yet in the locator, at most (eight of 500 cases: a court
    /// goes on while the locator indexes a piece of words).
    static let locatorQueue = 8

    static func attorney(_ index: Int, court: CourtID, run: Int64, random: inout SeededGenerator) -> CourtAccount {
        let first = random.pick(GeneratedText.firstNames)
        let last = random.pick(GeneratedText.lastNames)
        return .madeUpAttorney(
            id: CourtAccountID(UUID(uuid: Self.uuidBytes(&random))), court: court, login: "gen\(run)a\(index)",
            firstName: first, lastName: last, barNumber: 100_000 + index)
    }

    static func uuidBytes(_ random: inout SeededGenerator) -> uuid_t {
        let high = random.next()
        let low = random.next()
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<8 {
            bytes[index] = UInt8(truncatingIfNeeded: high >> (8 * index))
            bytes[8 + index] = UInt8(truncatingIfNeeded: low >> (8 * index))
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40  // version 4
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        return (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
            bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
        )
    }

    /// One case, its parties, attorneys of record and docket.
    func add(
        to batch: inout BulkDocketWriter.Batch, court: FederalCourt, next: inout BulkDocketWriter.Start,
        attorneys: [CourtAccount], documents: [StoredDocument], random: inout SeededGenerator
    ) throws {
        let caseID = CaseID(next.caseID)
        next.caseID += 1
        let filed = Self.lastDay.adding(days: -Int.random(in: 0..<(Self.years * 365), using: &random))
        let type: CaseType = random.chance(82) ? .cv : (random.chance(80) ? .cr : .mc)
        let number = try Self.caseNumber(type: type, filed: filed, next: &next, random: &random)
        let sealed = random.chance(options.sealedPercent)
        let partyCount = random.count(mean: options.partiesPerCase, minimum: 2, maximum: 200)
        var names = (0..<partyCount).map { _ in GeneratedText.party(&random) }
        if type == .cr { names[0] = "USA" }
        let title =
            switch type {
            case .cr: "USA v. \(names[1])"
            case .mc: "In re \(names[0])"
            default: "\(names[0]) v. \(names[1])\(partyCount > 2 ? " et al" : "")"
            }
        let courtCase = CourtCase(
            id: caseID, number: number, title: title,
            natureOfSuit: type == .cv ? NatureOfSuit.named(random.pick(GeneratedText.natureOfSuitCodes)) : nil,
            cause: type == .cv ? random.pick(GeneratedText.causes) : "",
            jurisdiction: type == .cv ? "Federal Question" : "",
            juryDemand: random.chance(50) ? "Plaintiff" : "None", demand: random.chance(30) ? "$75,000" : "",
            dateFiled: filed,
            dateTerminated: random.chance(60) ? filed.adding(days: Int.random(in: 30...900, using: &random)) : nil,
            restriction: sealed ? .sealed : .public)
        batch.cases.append(courtCase)
        var counsel: [String] = []
        for (index, name) in names.enumerated() {
            let party = Party(
                id: next.partyID, caseID: caseID, name: name,
                type: type == .cr ? (index == 0 ? .plaintiff : .defendant) : (index % 2 == 0 ? .plaintiff : .defendant))
            next.partyID += 1
            batch.parties.append(party)
            if random.chance(70) {
                let attorney = random.pick(attorneys)
                counsel.append(attorney.fullName)
                batch.participations.append(
                    Participation(
                        caseID: caseID, partyID: party.id, account: attorney.id, kind: .attorney([.lead, .toBeNoticed]))
                )
            }
        }
        let judge = number.assignedJudge ?? "JMF"
        let zone = court.timeZone
        var instant = filed.startOfDay(in: zone).addingTimeInterval(
            Double(Int.random(in: 9 * 3600...17 * 3600, using: &random)))
        var numbered = 0
        let entryCount = random.count(mean: options.entriesPerCase, minimum: 1, maximum: 50_000)
        for seq in 1...entryCount {
            let party = names[Int.random(in: 0..<names.count, using: &random)]
            let attorney = counsel.isEmpty ? GeneratedText.person(&random) : random.pick(counsel)
            let (event, text) =
                seq == 1
                ? (
                    "complaint",
                    type == .cr
                        ? "INDICTMENT as to \(names[1]) (1) count(s) 1, 2. (Filed under Rule 6(e))"
                        : "COMPLAINT against \(names[1]). (Filing Fee $ 405.00, Receipt Number A\(next.caseID)) Document filed by \(names[0]). (Attachments: # 1 Civil Cover Sheet, # 2 Summons) (\(attorney))"
                )
                : GeneratedText.entry(
                    &random, number: numbered + 1, party: party, attorney: attorney, judge: judge, criminal: type == .cr
                )
            let unnumbered = event == "minuteEntry" && random.chance(50)
            if !unnumbered { numbered += 1 }
            var attached: [DocketDocument] = []
            if event != "minuteEntry" || random.chance(10) {
                let attachments = random.chance(25) ? Int.random(in: 1...4, using: &random) : 0
                for attachment in 0...attachments {
                    let stored = random.pick(documents)
                    guard let id = DocumentID(prefix: court.documentIDPrefix, sequence: next.documentNumber) else {
                        throw CourtError(.invalid, "\(court.id.rawValue) has run out of document numbers.")
                    }
                    next.documentNumber += 1
                    attached.append(
                        DocketDocument(
                            id: id, attachment: attachment,
                            description: attachment == 0 ? "Main Document" : "Exhibit \(attachment)",
                            originalFileName: "document-\(attachment).pdf", pages: stored.pages, bytes: stored.bytes,
                            sha256: stored.sha256))
                }
            }
            let restriction: Restriction = sealed ? .sealed : (random.chance(2) ? .sealed : .public)
            batch.entries.append(
                DocketEntry(
                    caseID: caseID, seq: seq, number: unnumbered ? nil : numbered, dateFiled: instant,
                    dateEntered: instant.addingTimeInterval(Double(Int.random(in: 60...7200, using: &random))),
                    text: text,
                    eventID: event, filedBy: nil, restriction: restriction,
                    documents: attached.map {
                        var document = $0
                        document.restriction = restriction
                        return document
                    }))
            instant.addTimeInterval(
                Double(Int.random(in: 600...(30 * 86_400), using: &random)) / max(1, Double(entryCount) / 40))
        }
    }

    /// The case's number: the next sequence of a random office for the year it was filed, with a
    /// random judge's initials; another office when one has used all 99,999.
    static func caseNumber(
        type: CaseType, filed: DateOnly, next: inout BulkDocketWriter.Start, random: inout SeededGenerator
    ) throws -> CaseNumber {
        let first = Int.random(in: 1...9, using: &random)
        let year = filed.year % 100
        for office in (0..<9).map({ ($0 + first - 1) % 9 + 1 }) {
            let key = BulkDocketWriter.Start.sequenceKey(office: office, year: year, type: type)
            let sequence = (next.sequences[key] ?? 0) + 1
            guard
                let number = CaseNumber(
                    office: office, year: year, type: type, sequence: sequence,
                    assignedJudge: random.pick(GeneratedText.judges))
            else { continue }
            next.sequences[key] = sequence
            return number
        }
        throw CourtError(
            .invalid,
            "Every office has used all its \(type.rawValue) case numbers for 20\(year); generate fewer cases per court."
        )
    }
}
