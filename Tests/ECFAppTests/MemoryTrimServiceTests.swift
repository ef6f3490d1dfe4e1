import Testing

@testable import ECFApp

@Suite("Free memory given back to the system")
struct MemoryTrimServiceTests {
    /// The server trims through glibc's `malloc_trim`, found by name at run time: on Linux it must
    /// be found, or the trimming silently never happens.
    @Test func glibcsTrimIsFoundAndAnswers() throws {
        #if os(Linux)
            let trim = try #require(MemoryTrimService.trim)
            let answer = trim(0)
            #expect(answer == 0 || answer == 1, "malloc_trim answers 1 when it released memory, 0 when none")
        #endif
    }
}
