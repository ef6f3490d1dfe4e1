import Foundation

/// A charge as its outbox message carries it to the PSC's ledger: the JSON `JSONEncoder` writes
/// for it with sorted keys (`JSONEncoder.outbox`), written out directly. Every billed view queues
/// one, and the encoder's containers were 2.7% of a docket report's CPU (BENCHMARKS.md P1).
/// `JSONDecoder` reads it back (`OutboxMessage.decodedCharge`); `AccessChargePayloadTests` holds
/// both to the encoder's bytes.
extension AccessCharge {
    var outboxPayload: Data {
        get throws {
            // A time the encoder could not write either (not finite) goes to it, to say so.
            let interval = viewedAt.timeIntervalSinceReferenceDate
            guard interval.isFinite else { return try JSONEncoder.outbox.encode(self) }
            var json: [UInt8] = []
            json.reserveCapacity(320)
            // In the encoder's order: keys sorted.
            func key(_ name: StaticString) { JSONText.key(name, first: json.isEmpty, to: &json) }
            func string(_ name: StaticString, _ value: String) {
                key(name)
                JSONText.append(value, to: &json)
            }
            string("account", account.description)
            key("amount")
            JSONText.key("cents", first: true, to: &json)
            JSONText.append(amount.cents, to: &json)
            JSONText.raw("}", to: &json)
            string("clientCode", clientCode)
            string("court", court.rawValue)
            string("criteria", criteria)
            string("description", description)
            key("pages")
            JSONText.append(pages, to: &json)
            string("username", username)
            string("viewKey", viewKey)
            key("viewedAt")
            JSONText.append(interval, to: &json)
            JSONText.raw("}", to: &json)
            return Data(json)
        }
    }
}
