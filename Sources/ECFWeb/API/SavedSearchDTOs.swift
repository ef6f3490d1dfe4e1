import ECFDomain
import Foundation

/// `POST /api/v1/pacer/account/searches`
struct SavedSearchRequest: Decodable {
    let name: String?
    /// `party` (new cases in the case locator) or `text` (new entries in docket text).
    let kind: String?
    let query: String?
    /// `eachFiling` or `daily`.
    let frequency: String?
}

struct SavedSearchDTO: Encodable {
    let id: String
    let name: String
    let kind: String
    let query: String
    let frequency: String
    let createdAt: Date
    let lastCheckedAt: Date
    let nextCheckAt: Date

    init(_ search: SavedSearch) {
        id = search.id.uuidString.lowercased()
        name = search.name
        kind = search.kind.rawValue
        query = search.query
        frequency = search.frequency.rawValue
        createdAt = search.createdAt
        lastCheckedAt = search.lastCheckedAt
        nextCheckAt = search.nextCheckAt
    }
}

/// `GET /api/v1/pacer/account/searches`: the account's saved searches, oldest first.
struct SavedSearchListDTO: Encodable {
    let searches: [SavedSearchDTO]
}
