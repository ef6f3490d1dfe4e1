import Crypto
import ECFDomain
import Foundation

/// Signs a delivery as `WebhookPolicy.signatureHeader` describes: `t=<unix seconds>,v1=<hex>`,
/// the HMAC-SHA256 of `<t>.<body>` keyed with the webhook's secret.
public enum WebhookSignature {
    public static func header(secret: String, body: Data, at instant: Date) -> String {
        let timestamp = Int(instant.timeIntervalSince1970)
        var signed = Data("\(timestamp).".utf8)
        signed.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: Data(secret.utf8)))
        return "t=\(timestamp),v1=" + Hex.string(mac)
    }
}
