import Foundation

/// A search a PACER account keeps, and is e-mailed the new hits of: a party name in the national
/// case locator (new cases), or words in every court's public docket text (new entries).
public struct SavedSearch: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case party, text
    }

    public enum Frequency: String, Sendable, CaseIterable {
        /// Within a minute of a new hit.
        case eachFiling
        /// Once a day, every hit of the day in one mail.
        case daily
    }

    public let id: UUID
    public let accountID: AccountID
    public let name: String
    public let kind: Kind
    public let query: String
    public let frequency: Frequency
    public let createdAt: Date
    /// Hits filed up to this instant have been looked at.
    public var lastCheckedAt: Date
    public var nextCheckAt: Date
    /// The hits already mailed (`court:case` or `court:case:seq`), newest last, so that a hit is
    /// mailed once even when the look-back window sees it again.
    public var notified: [String]

    public init(
        id: UUID, accountID: AccountID, name: String, kind: Kind, query: String, frequency: Frequency, createdAt: Date,
        lastCheckedAt: Date, nextCheckAt: Date, notified: [String] = []
    ) {
        self.id = id
        self.accountID = accountID
        self.name = name
        self.kind = kind
        self.query = query
        self.frequency = frequency
        self.createdAt = createdAt
        self.lastCheckedAt = lastCheckedAt
        self.nextCheckAt = nextCheckAt
        self.notified = notified
    }
}

/// The rules of saved searches and their alerts.
public enum SavedSearchPolicy {
    /// Source: issue 8 — a saved search mails new hits per filing or daily. "Per filing" is
    /// checked every minute; "daily" every 24 hours from when it was saved.
    public static func interval(_ frequency: SavedSearch.Frequency) -> TimeInterval {
        switch frequency {
        case .eachFiling: 60
        case .daily: 24 * 3600
        }
    }

    /// An entry reaches the national index seconds after it is filed: each check looks back this
    /// far before the last one, and the already-mailed list keeps a hit from being mailed twice.
    public static let lookBack: TimeInterval = 10 * 60
    public static let maximumPerAccount = 25
    public static let maximumNotifiedKept = 1000
    /// At most this many hits in one mail (the rest are on the search page).
    public static let maximumHitsPerMail = 50

    /// The problems of a new saved search's name and words, by field.
    public static func problems(name: String, query: String) -> [String: String] {
        var problems: [String: String] = [:]
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            problems["name"] = "Name the search, like “Acme Corp. as a party”."
        } else if trimmed.count > 100 {
            problems["name"] = "Keep the name under 101 characters."
        }
        if query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems["query"] = "Enter the party's name or the words to look for."
        }
        return problems
    }
}
