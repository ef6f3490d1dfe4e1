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
            var json = "{\"account\":"
            JSONText.appendString(account.description, to: &json)
            json += ",\"amount\":{\"cents\":" + String(amount.cents) + "},\"clientCode\":"
            JSONText.appendString(clientCode, to: &json)
            json += ",\"court\":"
            JSONText.appendString(court.rawValue, to: &json)
            json += ",\"criteria\":"
            JSONText.appendString(criteria, to: &json)
            json += ",\"description\":"
            JSONText.appendString(description, to: &json)
            json += ",\"pages\":" + String(pages) + ",\"username\":"
            JSONText.appendString(username, to: &json)
            json += ",\"viewKey\":"
            JSONText.appendString(viewKey, to: &json)
            json += ",\"viewedAt\":" + JSONText.number(interval) + "}"
            return Data(json.utf8)
        }
    }
}

/// JSON's strings and numbers as Foundation's `JSONEncoder` writes them.
enum JSONText {
    /// `text` quoted, with `"`, `\`, `/` and the control characters escaped as the encoder does
    /// (`\b`, `\f`, `\n`, `\r`, `\t`, the rest `\u00XX`).
    static func appendString(_ text: String, to json: inout String) {
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(text.utf8.count + 2)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                bytes += [UInt8(ascii: "\\"), byte]
            case 0x08: bytes += Array("\\b".utf8)
            case 0x0C: bytes += Array("\\f".utf8)
            case 0x0A: bytes += Array("\\n".utf8)
            case 0x0D: bytes += Array("\\r".utf8)
            case 0x09: bytes += Array("\\t".utf8)
            case ..<0x20: bytes += Array("\\u00".utf8) + Array(Hex.string([byte]).utf8)
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        json += String(decoding: bytes, as: UTF8.self)
    }

    /// A finite double as the encoder writes it: its shortest form, without a trailing `.0`.
    static func number(_ value: Double) -> String {
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
