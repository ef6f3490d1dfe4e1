import Foundation

/// The free look of a Notice of Electronic Filing: each recipient's link to each document carries
/// its own number (`magic_num`); the first view through it within 15 days costs nothing.
///
/// Source: the Judicial Conference's Electronic Public Access Fee Schedule, note 1 ("attorneys of
/// record and parties in a case … receive one free electronic copy … if receipt is required by law or
/// directed by the filer"), as CM/ECF carries it out: one free view through the NEF link, within 15
/// days, to whoever opens it first.
public struct FreeLook: Sendable, Equatable {
    public static let window: TimeInterval = 15 * 86400

    public let magicNumber: String
    public let documentID: DocumentID
    public let caseID: CaseID
    public let seq: Int
    /// The recipient the link was made for.
    public let account: CourtAccountID
    public let issuedAt: Date
    public var usedAt: Date?

    public init(
        magicNumber: String, documentID: DocumentID, caseID: CaseID, seq: Int, account: CourtAccountID,
        issuedAt: Date, usedAt: Date? = nil
    ) {
        self.magicNumber = magicNumber
        self.documentID = documentID
        self.caseID = caseID
        self.seq = seq
        self.account = account
        self.issuedAt = issuedAt
        self.usedAt = usedAt
    }

    /// Whether opening the document through this link now is the free look.
    public func isFree(at instant: Date) -> Bool {
        usedAt == nil && instant.timeIntervalSince(issuedAt) <= Self.window && instant >= issuedAt
    }

    /// Eight digits, as CM/ECF's magic numbers have.
    public static func isWellFormed(_ text: String) -> Bool {
        text.count == 8 && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

/// Who was served an entry and how: by e-mail now, or in the day's summary. Whether the message
/// reached its server is the outbox's to say.
public struct ServiceRecord: Sendable, Equatable {
    public enum Status: String, Sendable, Equatable {
        case queued, delivered, partlyRefused, failed, inSummary

        public var label: String {
            switch self {
            case .queued: "Queued"
            case .delivered: "Delivered"
            case .partlyRefused: "Delivered; some addresses refused"
            case .failed: "Not delivered"
            case .inSummary: "In the daily summary"
            }
        }
    }

    public let caseID: CaseID
    public let seq: Int
    public let account: CourtAccountID
    public let name: String
    public let addresses: [EmailAddress]
    public let delivery: NoticeDelivery
    public let outboxID: OutboxMessageID?
    public var status: Status
    public var error: String?

    public init(
        caseID: CaseID, seq: Int, account: CourtAccountID, name: String, addresses: [EmailAddress],
        delivery: NoticeDelivery, outboxID: OutboxMessageID?, status: Status = .queued, error: String? = nil
    ) {
        self.caseID = caseID
        self.seq = seq
        self.account = account
        self.name = name
        self.addresses = addresses
        self.delivery = delivery
        self.outboxID = outboxID
        self.status = status
        self.error = error
    }
}
