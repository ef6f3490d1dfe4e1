import ECFDomain
import ECFServices
import Foundation

/// `POST /api/v1/pacer/account/tokens`
struct APITokenRequest: Decodable {
    let name: String?
    let scopes: [String]?
    /// ISO 8601: an instant with its offset, or a day (the token then ends as that day begins, UTC).
    let expiresAt: String?

    /// The expiry asked for, or the problem with it by field.
    func expiry() throws -> Date? {
        guard let text = expiresAt?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let instant = try? Date(text, strategy: .iso8601) { return instant }
        if let day = try? Date(text, strategy: Date.ISO8601FormatStyle().year().month().day()) { return day }
        let message = "Give the expiry as an ISO 8601 date or instant, like 2027-06-30 or 2027-06-30T17:00:00-05:00."
        throw AccountError(.invalid, message, fields: ["expiresAt": message])
    }
}

/// A personal API token as its owner sees it (the secret only in the answer that made it).
struct APITokenDTO: Encodable {
    let id: String
    let name: String
    let scopes: [String]
    /// The secret's last four characters.
    let hint: String
    let state: String
    let createdAt: Date
    let expiresAt: Date?
    let lastUsedAt: Date?
    let revokedAt: Date?
    /// Only when the token was just made: copy it now, it is never shown again.
    let token: String?

    init(_ token: APIToken, now: Date, secret: String? = nil) {
        id = token.id.uuidString.lowercased()
        name = token.name
        scopes = token.scopes.names
        hint = token.hint
        state = token.state(at: now).rawValue
        createdAt = token.createdAt
        expiresAt = token.expiresAt
        lastUsedAt = token.lastUsedAt
        revokedAt = token.revokedAt
        self.token = secret
    }
}

/// `GET /api/v1/pacer/account/tokens`: every token of the account, newest first.
struct APITokenListDTO: Encodable {
    let tokens: [APITokenDTO]
}
