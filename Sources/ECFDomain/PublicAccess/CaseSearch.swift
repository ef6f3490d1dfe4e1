import Foundation

/// A search for cases in one court or, through the national case locator, in every court: by
/// number, party name, nature of suit, date filed and open or closed, newest first. With no
/// filter it lists every case the searcher may see.
///
/// Source: CM/ECF Query and the PACER Case Locator's case and party searches.
public struct CaseSearch: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case open, closed
    }

    public var number: CaseNumberPattern?
    /// The normalized start of a party name (`PartyNameKeys.normalize`).
    public var party: String?
    public var natureOfSuit: NatureOfSuit?
    public var filedFrom: DateOnly?
    public var filedTo: DateOnly?
    public var status: Status?
    /// Only this court (the locator's `court` filter).
    public var court: CourtID?
    public var after: CaseSearchCursor?
    public var limit: Int

    public static let defaultLimit = 50
    public static let maximumLimit = 100

    public init(
        number: CaseNumberPattern? = nil, party: String? = nil, natureOfSuit: NatureOfSuit? = nil,
        filedFrom: DateOnly? = nil, filedTo: DateOnly? = nil, status: Status? = nil, court: CourtID? = nil,
        after: CaseSearchCursor? = nil, limit: Int = defaultLimit
    ) {
        self.number = number
        self.party = party
        self.natureOfSuit = natureOfSuit
        self.filedFrom = filedFrom
        self.filedTo = filedTo
        self.status = status
        self.court = court
        self.after = after
        self.limit = limit
    }

    /// Reads the search from a form or query string; each answer that cannot be a search term is
    /// named with what is wrong with it.
    public static func read(_ value: (String) -> String?) -> Result<CaseSearch, FieldProblems> {
        var problems = FieldProblems()
        var search = CaseSearch()
        func text(_ name: String) -> String? {
            guard let raw = value(name)?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else {
                return nil
            }
            return raw
        }
        if let number = text("number") {
            search.number = CaseNumberPattern(number)
            if search.number == nil {
                problems["number"] = "Enter a case number such as 2:20-cv-01234, 20-1234 or 2:20cv1234."
            }
        }
        if let party = text("party") {
            let normalized = PartyNameKeys.normalize(party)
            if normalized.count < 2 {
                problems["party"] = "Enter at least two letters of a party's name."
            } else if normalized.count > 100 {
                problems["party"] = "A party name to search for can be at most 100 characters."
            } else {
                search.party = normalized
            }
        }
        if let nature = text("natureOfSuit") {
            let code = nature.prefix { $0.isNumber }
            search.natureOfSuit = Int(code).flatMap(NatureOfSuit.named)
            if search.natureOfSuit == nil {
                problems["natureOfSuit"] = "Choose a nature of suit from the list (a three-digit code such as 190)."
            }
        }
        let filed = FiledRange.read(text, problems: &problems)
        search.filedFrom = filed.from
        search.filedTo = filed.to
        if let status = text("status") {
            search.status = Status(rawValue: status.lowercased())
            if search.status == nil { problems["status"] = "Status is open or closed." }
        }
        if let court = text("court") {
            search.court = CourtID(typed: court).flatMap { FederalCourts.court($0) != nil ? $0 : nil }
            if search.court == nil {
                problems["court"] = "There is no federal court with the id \(court)."
            }
        }
        if let cursor = text("cursor") {
            search.after = CaseSearchCursor(cursor)
            if search.after == nil { problems["cursor"] = "This page link is not valid; start the search again." }
        }
        if let limit = text("limit") {
            if let count = Int(limit), (1...maximumLimit).contains(count) {
                search.limit = count
            } else {
                problems["limit"] = "Ask for 1 to \(maximumLimit) cases per page."
            }
        }
        return problems.isEmpty ? .success(search) : .failure(problems)
    }

    /// True when the search names what a sealed case keeps secret (its parties or nature of suit):
    /// such a search never finds a sealed case for someone outside the court.
    public var asksWhatSealingHides: Bool { party != nil || natureOfSuit != nil }
}

/// Where a page of results ends, so the next page starts after it even as new cases arrive
/// (newest first: date filed, then court and case id, descending).
public struct CaseSearchCursor: Sendable, Equatable, CustomStringConvertible {
    public let dateFiled: DateOnly
    public let court: String
    public let caseID: Int64

    public init(dateFiled: DateOnly, court: String, caseID: Int64) {
        self.dateFiled = dateFiled
        self.court = court
        self.caseID = caseID
    }

    /// Reads a cursor from `description`; `nil` for anything else.
    public init?(_ text: String) {
        guard let plain = CursorText.decode(text) else { return nil }
        let parts = plain.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 3, let date = DateOnly(iso: String(parts[0])),
            parts[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }), let id = Int64(parts[2])
        else { return nil }
        self.init(dateFiled: date, court: String(parts[1]), caseID: id)
    }

    public var description: String { CursorText.encode("\(dateFiled)|\(court)|\(caseID)") }
}

/// A case as a search result shows it. A sealed case shows an outsider only its number.
public struct CaseHit: Sendable, Equatable {
    public let court: CourtID
    public let caseID: CaseID
    public let number: String
    public let title: String
    public let dateFiled: DateOnly?
    public let dateTerminated: DateOnly?
    public let restriction: Restriction

    public init(
        court: CourtID, caseID: CaseID, number: String, title: String, dateFiled: DateOnly?,
        dateTerminated: DateOnly?, restriction: Restriction
    ) {
        self.court = court
        self.caseID = caseID
        self.number = number
        self.title = title
        self.dateFiled = dateFiled
        self.dateTerminated = dateTerminated
        self.restriction = restriction
    }

    /// What an outsider sees of a sealed case: its number and "Sealed".
    ///
    /// Source: issue 7 and the courts' practice of listing a sealed case as "Sealed" with its number.
    public func shown(toCourt: Bool) -> CaseHit {
        guard restriction == .sealed, !toCourt else { return self }
        return CaseHit(
            court: court, caseID: caseID, number: number, title: "Sealed", dateFiled: nil, dateTerminated: nil,
            restriction: .sealed)
    }
}

/// One page of search results and where the next begins.
public struct CaseSearchPage: Sendable, Equatable {
    public let hits: [CaseHit]
    public let next: CaseSearchCursor?

    public init(hits: [CaseHit], next: CaseSearchCursor?) {
        self.hits = hits
        self.next = next
    }
}
