import ECFDomain
import Foundation

/// A `cases` row as SQLKit reads it.
struct CaseRow: Codable, Sendable {
    var id: Int64
    var number: String
    var title: String
    var natureOfSuit: Int?
    var cause: String
    var jurisdiction: String
    var juryDemand: String
    var demand: String
    var dateFiled: String
    var dateTerminated: String?
    var restriction: String
    var chapter: Int?

    func domain() throws -> CourtCase {
        guard let number = CaseNumber(number), let filed = DateOnly(iso: dateFiled),
            let restriction = Restriction(rawValue: restriction)
        else { throw PersistenceError.corruptRow(table: "cases", detail: String(id)) }
        return CourtCase(
            id: CaseID(id), number: number, title: title, natureOfSuit: natureOfSuit.flatMap(NatureOfSuit.named),
            cause: cause, jurisdiction: jurisdiction, juryDemand: juryDemand, demand: demand, dateFiled: filed,
            dateTerminated: dateTerminated.flatMap { DateOnly(iso: $0) }, restriction: restriction,
            chapter: chapter.flatMap(BankruptcyChapter.init(rawValue:)))
    }
}

struct EntryRow: Codable, Sendable {
    var caseId: Int64
    var seq: Int
    var number: Int?
    var dateFiled: Date
    var dateEntered: Date
    var text: String
    var eventId: String
    var filedBy: UUID?
    var restriction: String
    var modifiedAt: Date?
    var strickenAt: Date?

    init(_ entry: DocketEntry) {
        modifiedAt = entry.modifiedAt
        strickenAt = entry.strickenAt
        caseId = entry.caseID.rawValue
        seq = entry.seq
        number = entry.number
        dateFiled = entry.dateFiled
        dateEntered = entry.dateEntered
        text = entry.text
        eventId = entry.eventID
        filedBy = entry.filedBy?.rawValue
        restriction = entry.restriction.rawValue
    }

    func domain(documents: [DocketDocument]) throws -> DocketEntry {
        guard let restriction = Restriction(rawValue: restriction) else {
            throw PersistenceError.corruptRow(table: "docket_entries", detail: "\(caseId)/\(seq)")
        }
        return DocketEntry(
            caseID: CaseID(caseId), seq: seq, number: number, dateFiled: dateFiled, dateEntered: dateEntered,
            text: text, eventID: eventId, filedBy: filedBy.map(CourtAccountID.init), restriction: restriction,
            documents: documents, modifiedAt: modifiedAt, strickenAt: strickenAt)
    }
}

struct DocumentRow: Codable, Sendable {
    var docId: String
    var caseId: Int64
    var entrySeq: Int
    var attachment: Int
    var description: String
    var originalFileName: String
    var pages: Int
    var bytes: Int
    var sha256: String
    var restriction: String

    init(_ document: DocketDocument, entry: DocketEntry) {
        docId = document.id.rawValue
        caseId = entry.caseID.rawValue
        entrySeq = entry.seq
        attachment = document.attachment
        description = document.description
        originalFileName = document.originalFileName
        pages = document.pages
        bytes = document.bytes
        sha256 = document.sha256
        restriction = document.restriction.rawValue
    }

    func domain() throws -> DocketDocument {
        guard let id = DocumentID(docId), let restriction = Restriction(rawValue: restriction) else {
            throw PersistenceError.corruptRow(table: "documents", detail: docId)
        }
        return DocketDocument(
            id: id, attachment: attachment, description: description, originalFileName: originalFileName,
            pages: pages, bytes: bytes, sha256: sha256, restriction: restriction)
    }
}

struct PartyRow: Codable, Sendable {
    var id: Int64
    var caseId: Int64
    var name: String
    var type: String
    var dateTerminated: String?

    func domain() throws -> Party {
        guard let type = PartyType(rawValue: type) else {
            throw PersistenceError.corruptRow(table: "parties", detail: String(id))
        }
        return Party(
            id: id, caseID: CaseID(caseId), name: name, type: type,
            dateTerminated: dateTerminated.flatMap { DateOnly(iso: $0) })
    }
}

struct ParticipationRow: Codable, Sendable {
    var caseId: Int64
    var partyId: Int64
    var accountId: UUID
    var kind: String
    var attorneyRoles: Int
    var dateTerminated: String?

    init(_ participation: Participation) {
        caseId = participation.caseID.rawValue
        partyId = participation.partyID
        accountId = participation.account.rawValue
        switch participation.kind {
        case .attorney(let roles):
            kind = "attorney"
            attorneyRoles = roles.rawValue
        case .proSe:
            kind = "proSe"
            attorneyRoles = 0
        }
        dateTerminated = participation.dateTerminated?.description
    }

    func domain() -> Participation {
        Participation(
            caseID: CaseID(caseId), partyID: partyId, account: CourtAccountID(accountId),
            kind: kind == "proSe" ? .proSe : .attorney(AttorneyRoles(rawValue: attorneyRoles)),
            dateTerminated: dateTerminated.flatMap { DateOnly(iso: $0) })
    }
}
