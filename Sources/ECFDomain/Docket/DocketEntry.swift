import Foundation

/// A document stored with a docket entry: the main document (`attachment` 0) or an attachment
/// (`N-1`, `N-2`…).
public struct DocketDocument: Hashable, Sendable, Codable {
    public let id: DocumentID
    public let attachment: Int
    public let description: String
    public let originalFileName: String
    public let pages: Int
    public let bytes: Int
    /// The document stamp: SHA-256 of the stored file, hex.
    public let sha256: String
    public var restriction: Restriction

    public init(
        id: DocumentID, attachment: Int, description: String, originalFileName: String, pages: Int, bytes: Int,
        sha256: String, restriction: Restriction = .public
    ) {
        self.id = id
        self.attachment = attachment
        self.description = description
        self.originalFileName = originalFileName
        self.pages = pages
        self.bytes = bytes
        self.sha256 = sha256
        self.restriction = restriction
    }
}

/// One entry of a case's docket. Entries are never deleted; their text keeps its history.
public struct DocketEntry: Hashable, Sendable, Codable {
    public let caseID: CaseID
    /// The hidden sequence number that orders every entry, numbered or not.
    public let seq: Int
    /// The entry number (gap-free per case); `nil` for unnumbered clerk entries.
    public let number: Int?
    public let dateFiled: Date
    public let dateEntered: Date
    public var text: String
    public let eventID: String
    public let filedBy: CourtAccountID?
    public var restriction: Restriction
    public var documents: [DocketDocument]
    /// When the clerk last changed the docket text ("modified on …"); every earlier text is kept.
    public var modifiedAt: Date?
    /// When the clerk struck the entry; it stays on the docket, marked.
    public var strickenAt: Date?

    public init(
        caseID: CaseID, seq: Int, number: Int?, dateFiled: Date, dateEntered: Date, text: String, eventID: String,
        filedBy: CourtAccountID?, restriction: Restriction = .public, documents: [DocketDocument] = [],
        modifiedAt: Date? = nil, strickenAt: Date? = nil
    ) {
        self.modifiedAt = modifiedAt
        self.strickenAt = strickenAt
        self.caseID = caseID
        self.seq = seq
        self.number = number
        self.dateFiled = dateFiled
        self.dateEntered = dateEntered
        self.text = text
        self.eventID = eventID
        self.filedBy = filedBy
        self.restriction = restriction
        self.documents = documents
    }
}
