import Foundation
import Synchronization

/// Tokens already verified, with what they carry, until they expire: at most `atMost` of them.
/// When full, the expired ones are dropped, and if none has expired, all of them (each is verified
/// again on its next use). Only tokens that passed verification are kept.
final class VerifiedTokens<Value: Sendable>: Sendable {
    private let kept = Mutex<[String: (value: Value, until: Date)]>([:])
    let atMost: Int

    init(atMost: Int) {
        self.atMost = atMost
    }

    subscript(token: String) -> Value? {
        kept.withLock { $0[token]?.value }
    }

    func keep(_ value: Value, for token: String, until: Date, now: Date) {
        kept.withLock { kept in
            if kept.count >= atMost {
                kept = kept.filter { $0.value.until > now }
                if kept.count >= atMost { kept = [:] }
            }
            kept[token] = (value, until)
        }
    }

    var count: Int { kept.withLock { $0.count } }
}
