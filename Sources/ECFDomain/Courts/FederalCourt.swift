import Foundation

/// One US federal court as the registry knows it.
public struct FederalCourt: Hashable, Sendable {
    /// What kind of court: it decides the case types a court has and its docket conventions.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case district
        case bankruptcy
        case appellate
        /// The national courts on CM/ECF: International Trade, Federal Claims, the JPML, Veterans Claims.
        case national
    }

    public let id: CourtID
    public let name: String
    public let kind: Kind
    /// The IANA time zone of the court's seat: court deadlines, blackout windows and docket times
    /// are in this zone.
    public let timeZoneID: String
    /// The three digits that begin every CM/ECF document id of this court (`031` for cacd).
    public let documentIDPrefix: String

    public init(id: CourtID, name: String, kind: Kind, timeZoneID: String, documentIDPrefix: String) {
        self.id = id
        self.name = name
        self.kind = kind
        self.timeZoneID = timeZoneID
        self.documentIDPrefix = documentIDPrefix
    }

    public var timeZone: TimeZone {
        TimeZone(identifier: timeZoneID) ?? TimeZone(identifier: "America/New_York")!
    }
}
