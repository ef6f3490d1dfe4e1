import ECFDomain
import Foundation

/// New identifiers, injected so that tests can predict them.
public protocol IDGenerator: Sendable {
    func uuid() -> UUID
    /// An identifier that begins with the time it was made (`UUID.timeOrdered(at:)`), for rows
    /// written in volume: billed views and outbox messages.
    func timeOrderedUUID() -> UUID
}

extension IDGenerator {
    /// A generator that predicts its identifiers gives the same ones here.
    public func timeOrderedUUID() -> UUID { uuid() }
}

public struct RandomIDGenerator: IDGenerator {
    public init() {}
    public func uuid() -> UUID { UUID() }
    public func timeOrderedUUID() -> UUID { .timeOrdered(at: Date()) }
}
