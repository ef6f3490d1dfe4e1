import ECFDomain
import ECFServices
import Foundation

/// A case as `GET /api/v1/courts/{court}/cases/{caseId}` shows it.
struct CaseDTO: Encodable {
    struct Attorney: Encodable {
        let name: String
        let login: String
        let roles: [String]
    }

    struct PartyDTO: Encodable {
        let partyId: String
        let name: String
        let type: String
        let dateTerminated: String?
        let proSe: Bool
        let attorneys: [Attorney]
    }

    let caseId: String
    let caseNumber: String
    let title: String
    let natureOfSuit: String?
    let cause: String
    let jurisdiction: String
    let juryDemand: String
    let demand: String
    let dateFiled: String
    let dateTerminated: String?
    let restriction: String
    let parties: [PartyDTO]

    init(_ view: ReadCase.CaseView) {
        let courtCase = view.courtCase
        caseId = courtCase.id.description
        caseNumber = courtCase.number.description
        title = courtCase.title
        natureOfSuit = courtCase.natureOfSuit?.description
        cause = courtCase.cause
        jurisdiction = courtCase.jurisdiction
        juryDemand = courtCase.juryDemand
        demand = courtCase.demand
        dateFiled = courtCase.dateFiled.description
        dateTerminated = courtCase.dateTerminated?.description
        restriction = courtCase.restriction.rawValue
        parties = view.parties.map { party in
            PartyDTO(
                partyId: String(party.party.id), name: party.party.name, type: party.party.type.label,
                dateTerminated: party.party.dateTerminated?.description, proSe: party.proSe,
                attorneys: party.attorneys.map {
                    Attorney(name: $0.account.fullName, login: $0.account.login.rawValue, roles: $0.roles.labels)
                })
        }
    }
}

/// A case's docket entries, as far as the caller may see them.
struct EntriesDTO: Encodable {
    struct Document: Encodable {
        let docId: String
        let attachment: Int
        let description: String
        let pages: Int
        let sha256: String
        let restriction: String
    }

    struct Entry: Encodable {
        let seq: Int
        let entryNumber: Int?
        let dateFiled: Date
        let dateEntered: Date
        let docketText: String
        let restriction: String
        let documents: [Document]
        let modifiedAt: Date?
        let stricken: Bool
    }

    let entries: [Entry]
    /// `GET …/entries`: where the next page of a long docket starts (absent on the last).
    let nextCursor: String?

    init(_ view: ReadCase.CaseView) {
        entries = view.entries.map(Entry.init)
        nextCursor = nil
    }

    init(page entries: [DocketEntry], nextCursor: String?) {
        self.entries = entries.map(Entry.init)
        self.nextCursor = nextCursor
    }
}

extension EntriesDTO.Entry {
    init(_ entry: DocketEntry) {
        self.init(
            seq: entry.seq, entryNumber: entry.number, dateFiled: entry.dateFiled, dateEntered: entry.dateEntered,
            docketText: entry.text, restriction: entry.restriction.rawValue,
            documents: entry.documents.map {
                EntriesDTO.Document(
                    docId: $0.id.rawValue, attachment: $0.attachment, description: $0.description, pages: $0.pages,
                    sha256: $0.sha256, restriction: $0.restriction.rawValue)
            }, modifiedAt: entry.modifiedAt, stricken: entry.strickenAt != nil)
    }
}

struct DocketTextRequest: Decodable {
    let docketText: String?
}

struct RestrictionRequest: Decodable {
    let restriction: String?
}
