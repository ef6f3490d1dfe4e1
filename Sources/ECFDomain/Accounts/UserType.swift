/// What kind of user a PACER account is for; it decides which court registrations it can ask for.
public enum UserType: String, Sendable, Codable, CaseIterable {
    case attorney
    case nonAttorney
    case media

    public var label: String {
        switch self {
        case .attorney: "Attorney"
        case .nonAttorney: "Non-attorney (including a party representing yourself)"
        case .media: "Media"
        }
    }
}
