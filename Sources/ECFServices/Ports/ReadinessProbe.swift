/// A dependency the server needs to serve requests (a database, say), checked by `/readyz`.
public protocol ReadinessProbe: Sendable {
    /// The problems found, in words for an operator; empty when ready.
    func problems() async -> [String]
}
