import Testing

@testable import ECFPersistence

/// Long lists are written and read a statement's worth at a time: every element once, in order.
@Suite("Lists in slices")
struct ArraySlicesTests {
    @Test func everyElementOnceInOrderTheLastSliceShorter() {
        let numbers = Array(1...1_201)
        let slices = numbers.slices(of: 500)
        #expect(slices.map(\.count) == [500, 500, 201])
        #expect(slices.flatMap { $0 } == numbers)
        #expect(Array(1...1_000).slices(of: 500).map(\.count) == [500, 500])
        #expect([Int]().slices(of: 500).isEmpty)
    }
}
