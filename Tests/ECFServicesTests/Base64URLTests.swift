import Foundation
import Testing

@testable import ECFServices

@Suite("Base64 with the URL-safe alphabet, unpadded (RFC 4648 §5)")
struct Base64URLTests {
    @Test func theURLAlphabetAndNoPadding() {
        // 0xfb 0xff 0xbf is "+/+/" in Base64's own alphabet.
        #expect(Base64URL.encode(Data([0xfb, 0xff, 0xbf])) == "-_-_")
        #expect(Base64URL.encode(Data("f".utf8)) == "Zg")
        #expect(Base64URL.encode(Data("fo".utf8)) == "Zm8")
        #expect(Base64URL.encode(Data("foo".utf8)) == "Zm9v")
        #expect(Base64URL.encode(Data()) == "")
    }

    @Test func aTokenIs43URLSafeCharactersAndNeverTheSame() {
        let tokens = (0..<50).map { _ in SystemSecretGenerator().token() }
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        #expect(tokens.allSatisfy { $0.count == 43 && $0.allSatisfy(allowed.contains) })
        #expect(Set(tokens).count == tokens.count)
    }
}
