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

    @Test func aShortListIsPaddedToAPowerOfTwoWithItsLast() {
        #expect([7].paddedToPowerOfTwo(atMost: 8) == [7])
        #expect([1, 2, 3].paddedToPowerOfTwo(atMost: 8) == [1, 2, 3, 3])
        #expect(Array(1...5).paddedToPowerOfTwo(atMost: 8) == [1, 2, 3, 4, 5, 5, 5, 5])
        #expect(Array(1...8).paddedToPowerOfTwo(atMost: 8) == Array(1...8))
        #expect(Array(1...9).paddedToPowerOfTwo(atMost: 8) == Array(1...9), "a long list as it is")
        #expect([Int]().paddedToPowerOfTwo(atMost: 8).isEmpty)
    }
}
