/// CM/ECF's internal numeric case id (`caseid` in its URLs), unique within a court.
public struct CaseID: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public let rawValue: Int64
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
    public var description: String { String(rawValue) }
    public static func < (lhs: CaseID, rhs: CaseID) -> Bool { lhs.rawValue < rhs.rawValue }
}
