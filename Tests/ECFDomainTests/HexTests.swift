import ECFDomain
import Foundation
import Testing

@Suite("Hexadecimal digests")
struct HexTests {
    @Test func eachByteIsTwoLowercaseDigitsInOrder() {
        #expect(Hex.string([0x00, 0x0f, 0xa5, 0xff]) == "000fa5ff")
        #expect(Hex.string([UInt8]()) == "")
    }
}
