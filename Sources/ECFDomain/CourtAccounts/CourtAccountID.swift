import Foundation

/// The internal id of a court CM/ECF account.
public struct CourtAccountID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: UUID
    public init(_ rawValue: UUID) { self.rawValue = rawValue }
    public init?(_ text: String) {
        guard let uuid = UUID(uuidString: text) else { return nil }
        rawValue = uuid
    }
    public var description: String { rawValue.uuidString.lowercased() }
}
