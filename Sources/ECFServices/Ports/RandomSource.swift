/// Random choices (the assignment of a judge), injected so tests and generated data can repeat them.
public protocol RandomSource: Sendable {
    /// A number in `0..<upperBound`.
    func index(below upperBound: Int) -> Int
}

public struct SystemRandomSource: RandomSource {
    public init() {}
    public func index(below upperBound: Int) -> Int { Int.random(in: 0..<upperBound) }
}
