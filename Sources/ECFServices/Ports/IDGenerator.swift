import Foundation

/// New identifiers, injected so that tests can predict them.
public protocol IDGenerator: Sendable {
    func uuid() -> UUID
}

public struct RandomIDGenerator: IDGenerator {
    public init() {}
    public func uuid() -> UUID { UUID() }
}
