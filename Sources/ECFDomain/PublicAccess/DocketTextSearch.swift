import Foundation

/// A full-text search of docket text in one court or, through the national locator, in every
/// court: every word (or quoted phrase) must appear, each word matching the start of a word in
/// the text, case- and accent-insensitive. Results by relevance (the default) or newest first.
///
/// Source: issue 7 — users have long asked PACER for a free search of docket text, which it has
/// never had; OpenECF offers it free, and only over what the searcher may see.
public struct DocketTextSearch: Sendable, Equatable {
    public enum Order: String, Sendable, CaseIterable {
        case relevance, date
    }

    /// What must appear: each term is one word, or a phrase of several words in a row. Words are
    /// normalized (`PartyNameKeys.normalize`): lower case, accents removed, letters and digits only.
    public var terms: [[String]]
    public var court: CourtID?
    public var filedFrom: DateOnly?
    public var filedTo: DateOnly?
    public var order: Order
    public var after: DocketTextCursor?
    public var limit: Int

    public static let defaultLimit = 25
    public static let maximumLimit = 100
    /// More terms than this is not a search but a document; the engines slow down with each one.
    public static let maximumTerms = 12

    public init(
        terms: [[String]], court: CourtID? = nil, filedFrom: DateOnly? = nil, filedTo: DateOnly? = nil,
        order: Order = .relevance, after: DocketTextCursor? = nil, limit: Int = defaultLimit
    ) {
        self.terms = terms
        self.court = court
        self.filedFrom = filedFrom
        self.filedTo = filedTo
        self.order = order
        self.after = after
        self.limit = limit
    }

    /// Every word searched for, for highlighting.
    public var words: [String] { terms.flatMap { $0 } }

    /// The terms of a query as a searcher types it: words, and phrases in double quotes.
    public static func terms(_ query: String) -> [[String]] {
        var terms: [[String]] = []
        for (index, part) in query.split(separator: "\"", omittingEmptySubsequences: false).enumerated() {
            let words = PartyNameKeys.normalize(String(part)).split(separator: " ").map(String.init)
            if index % 2 == 1 {
                if !words.isEmpty { terms.append(words) }
            } else {
                terms += words.map { [$0] }
            }
        }
        return terms
    }

    /// Reads the search from a form or query string (`q`, `court`, `filedFrom`, `filedTo`, `sort`,
    /// `cursor`, `limit`); each answer that cannot be used is named with what is wrong with it.
    public static func read(_ value: (String) -> String?) -> Result<DocketTextSearch, FieldProblems> {
        var problems = FieldProblems()
        func text(_ name: String) -> String? {
            guard let raw = value(name)?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else {
                return nil
            }
            return raw
        }
        var search = DocketTextSearch(terms: terms(text("q") ?? ""))
        if search.terms.isEmpty {
            problems["q"] = "Enter a word or a phrase in quotes to search the docket text for."
        } else if search.terms.count > maximumTerms {
            problems["q"] = "Search for at most \(maximumTerms) words or phrases at once."
        } else if search.words.contains(where: { $0.count > 64 }) {
            problems["q"] = "A word to search for can be at most 64 letters long."
        }
        let filed = FiledRange.read(text, problems: &problems)
        search.filedFrom = filed.from
        search.filedTo = filed.to
        if let court = text("court") {
            search.court = CourtID(typed: court).flatMap { FederalCourts.court($0) != nil ? $0 : nil }
            if search.court == nil { problems["court"] = "There is no federal court with the id \(court)." }
        }
        if let sort = text("sort") {
            if let order = Order(rawValue: sort.lowercased()) {
                search.order = order
            } else {
                problems["sort"] = "Sort by relevance or by date."
            }
        }
        if let cursor = text("cursor") {
            search.after = DocketTextCursor(cursor)
            if search.after == nil || search.after?.order != search.order {
                problems["cursor"] = "This page link is not valid; start the search again."
            }
        }
        if let limit = text("limit") {
            if let count = Int(limit), (1...maximumLimit).contains(count) {
                search.limit = count
            } else {
                problems["limit"] = "Ask for 1 to \(maximumLimit) results per page."
            }
        }
        return problems.isEmpty ? .success(search) : .failure(problems)
    }
}

/// Where a page of docket-text results ends. Newest first, the next page starts after the last
/// entry shown (date filed, then court, case and sequence number, descending), so entries filed
/// meanwhile do not shift it; by relevance, after the number of results already shown.
public enum DocketTextCursor: Sendable, Equatable, CustomStringConvertible {
    case date(court: String, caseID: Int64, seq: Int)
    case relevance(offset: Int)

    public var order: DocketTextSearch.Order {
        switch self {
        case .date: .date
        case .relevance: .relevance
        }
    }

    /// Reads a cursor from `description`; `nil` for anything else.
    public init?(_ text: String) {
        guard let plain = CursorText.decode(text) else { return nil }
        let parts = plain.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        switch parts.first {
        case "d" where parts.count == 4:
            guard parts[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }), let id = Int64(parts[2]),
                let seq = Int(parts[3])
            else { return nil }
            self = .date(court: parts[1], caseID: id, seq: seq)
        case "r" where parts.count == 2:
            guard let offset = Int(parts[1]), offset > 0 else { return nil }
            self = .relevance(offset: offset)
        default:
            return nil
        }
    }

    public var description: String {
        let plain =
            switch self {
            case .date(let court, let caseID, let seq): "d|\(court)|\(caseID)|\(seq)"
            case .relevance(let offset): "r|\(offset)"
            }
        return CursorText.encode(plain)
    }
}

/// One docket entry a text search found, with its case.
public struct DocketTextHit: Sendable, Equatable {
    public let court: CourtID
    public let caseID: CaseID
    public let caseNumber: String
    public let caseTitle: String
    public let seq: Int
    public let number: Int?
    public let dateFiled: Date
    public let text: String

    public init(
        court: CourtID, caseID: CaseID, caseNumber: String, caseTitle: String, seq: Int, number: Int?,
        dateFiled: Date, text: String
    ) {
        self.court = court
        self.caseID = caseID
        self.caseNumber = caseNumber
        self.caseTitle = caseTitle
        self.seq = seq
        self.number = number
        self.dateFiled = dateFiled
        self.text = text
    }
}

/// One page of docket-text results and where the next begins.
public struct DocketTextPage: Sendable, Equatable {
    public let hits: [DocketTextHit]
    public let next: DocketTextCursor?

    public init(hits: [DocketTextHit], next: DocketTextCursor?) {
        self.hits = hits
        self.next = next
    }
}

extension DocketTextSearch {
    /// The date-filed range as instants in a court's time zone.
    public func filedSpan(in zone: TimeZone) -> (from: Date?, before: Date?) {
        FiledRange(from: filedFrom, to: filedTo).instants(in: zone)
    }
}
