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
            JSONText.raw("{\"account\":", to: &json)
            JSONText.append(account.description, to: &json)
            JSONText.raw(",\"amount\":{\"cents\":", to: &json)
            JSONText.append(amount.cents, to: &json)
            JSONText.raw("},\"clientCode\":", to: &json)
            JSONText.append(clientCode, to: &json)
            JSONText.raw(",\"court\":", to: &json)
            JSONText.append(court.rawValue, to: &json)
            JSONText.raw(",\"criteria\":", to: &json)
            JSONText.append(criteria, to: &json)
            JSONText.raw(",\"description\":", to: &json)
            JSONText.append(description, to: &json)
            JSONText.raw(",\"pages\":", to: &json)
            JSONText.append(pages, to: &json)
            JSONText.raw(",\"username\":", to: &json)
            JSONText.append(username, to: &json)
            JSONText.raw(",\"viewKey\":", to: &json)
            JSONText.append(viewKey, to: &json)
            JSONText.raw(",\"viewedAt\":", to: &json)
            JSONText.append(interval, to: &json)
            JSONText.raw("}", to: &json)
            return Data(json)
        }
    }
}
