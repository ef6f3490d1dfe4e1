/// Where a court stands in its move from legacy CM/ECF to NextGen.
///
/// Source: the phase table in DESIGN.md, from the C.D. Cal. NextGen notice: legacy CM/ECF until the
/// cutover, the court unavailable during its blackout window, NextGen after.
public enum CourtPhase: String, Sendable, Codable, CaseIterable {
    case legacy
    case blackout
    case nextGen

    /// How the phase is shown to people.
    public var label: String {
        switch self {
        case .legacy: "Legacy CM/ECF"
        case .blackout: "Unavailable (NextGen upgrade in progress)"
        case .nextGen: "NextGen CM/ECF"
        }
    }
}
