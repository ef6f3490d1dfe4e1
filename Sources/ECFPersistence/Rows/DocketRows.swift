import ECFDomain
import Foundation
import SQLKit

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

    /// Column by column, as every row read on a request (see `EntryRow.init(row:)`).
    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int64.self)
        number = try row.decode(column: "number", as: String.self)
        title = try row.decode(column: "title", as: String.self)
        natureOfSuit = try row.decode(column: "nature_of_suit", as: Int?.self)
        cause = try row.decode(column: "cause", as: String.self)
        jurisdiction = try row.decode(column: "jurisdiction", as: String.self)
        juryDemand = try row.decode(column: "jury_demand", as: String.self)
        demand = try row.decode(column: "demand", as: String.self)
        dateFiled = try row.decode(column: "date_filed", as: String.self)
        dateTerminated = try row.decode(column: "date_terminated", as: String?.self)
        restriction = try row.decode(column: "restriction", as: String.self)
        chapter = try row.decode(column: "chapter", as: Int?.self)
    }

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

    /// Column by column: a docket reads thousands of rows, and decoding them through `Codable`
    /// with snake-case keys cost a third of a docket report (BENCHMARKS.md P1).
    init(row: any SQLRow) throws {
        caseId = try row.decode(column: "case_id", as: Int64.self)
        seq = try row.decode(column: "seq", as: Int.self)
        number = try row.decode(column: "number", as: Int?.self)
        dateFiled = try row.decode(column: "date_filed", as: Date.self)
        dateEntered = try row.decode(column: "date_entered", as: Date.self)
        text = try row.decode(column: "text", as: String.self)
        eventId = try row.decode(column: "event_id", as: String.self)
        filedBy = try row.decode(column: "filed_by", as: UUID?.self)
        restriction = try row.decode(column: "restriction", as: String.self)
        modifiedAt = try row.decode(column: "modified_at", as: Date?.self)
        strickenAt = try row.decode(column: "stricken_at", as: Date?.self)
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

    init(row: any SQLRow) throws {
        docId = try row.decode(column: "doc_id", as: String.self)
        caseId = try row.decode(column: "case_id", as: Int64.self)
        entrySeq = try row.decode(column: "entry_seq", as: Int.self)
        attachment = try row.decode(column: "attachment", as: Int.self)
        description = try row.decode(column: "description", as: String.self)
        originalFileName = try row.decode(column: "original_file_name", as: String.self)
        pages = try row.decode(column: "pages", as: Int.self)
        bytes = try row.decode(column: "bytes", as: Int.self)
        sha256 = try row.decode(column: "sha256", as: String.self)
        restriction = try row.decode(column: "restriction", as: String.self)
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

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int64.self)
        caseId = try row.decode(column: "case_id", as: Int64.self)
        name = try row.decode(column: "name", as: String.self)
        type = try row.decode(column: "type", as: String.self)
        dateTerminated = try row.decode(column: "date_terminated", as: String?.self)
    }

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

    init(row: any SQLRow) throws {
        caseId = try row.decode(column: "case_id", as: Int64.self)
        partyId = try row.decode(column: "party_id", as: Int64.self)
        accountId = try row.decode(column: "account_id", as: UUID.self)
        kind = try row.decode(column: "kind", as: String.self)
        attorneyRoles = try row.decode(column: "attorney_roles", as: Int.self)
        dateTerminated = try row.decode(column: "date_terminated", as: String?.self)
    }

    func domain() -> Participation {
        Participation(
            caseID: CaseID(caseId), partyID: partyId, account: CourtAccountID(accountId),
            kind: kind == "proSe" ? .proSe : .attorney(AttorneyRoles(rawValue: attorneyRoles)),
            dateTerminated: dateTerminated.flatMap { DateOnly(iso: $0) })
    }
}
