import Foundation

/// What a court CM/ECF account may do in its court.
///
/// Source: the C.D. Cal. NextGen notice names the registered users — attorneys, pro se parties
/// registered to e-file, members of the media registered for e-service — and CM/ECF has court staff
/// (clerk) and chambers (judge) accounts.
public enum CourtRole: String, Sendable, Codable, CaseIterable {
    case attorney
    case proSeFiler
    case mediaEService
    case clerk
    case judge

    public var label: String {
        switch self {
        case .attorney: "Attorney"
        case .proSeFiler: "Pro se filer"
        case .mediaEService: "Media (e-service only)"
        case .clerk: "Clerk's office"
        case .judge: "Judge (chambers)"
        }
    }

    /// Source: CM/ECF — media accounts registered for e-service receive notices but never file.
    public var mayEFile: Bool { self != .mediaEService }

    /// Source: CM/ECF registration — attorneys register with their bar admission.
    public var needsBarAdmission: Bool { self == .attorney }

    /// The roles a PACER user may ask for in an e-file registration; court staff accounts are made
    /// by the clerk, never requested.
    public static let requestable: [CourtRole] = [.attorney, .proSeFiler, .mediaEService]
}
