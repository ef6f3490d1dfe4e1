import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// One page of a list the API answers whole in memory (a court's accounts, its e-file
/// registration queue): `limit` items after the item whose key the `cursor` names, in key order,
/// and the cursor of the next page (nil on the last).
struct ListPage<Item> {
    let items: [Item]
    let nextCursor: String?

    static var defaultLimit: Int { 100 }
    static var maximumLimit: Int { 500 }

    /// - Parameter key: a key unique to each item, increasing in the list's order.
    init(_ all: [Item], key: (Item) -> String, request: Request) throws {
        let query = request.uri.queryParameters
        var problems: [String: String] = [:]
        var limit = Self.defaultLimit
        if let typed = query.get("limit"), !typed.isEmpty {
            if let number = Int(typed), (1...Self.maximumLimit).contains(number) {
                limit = number
            } else {
                problems["limit"] = "Ask for 1 to \(Self.maximumLimit) items per page."
            }
        }
        var after: String?
        if let typed = query.get("cursor"), !typed.isEmpty {
            after = CursorText.decode(typed)
            if after == nil { problems["cursor"] = "This page link is not valid; start from the first page." }
        }
        guard problems.isEmpty else {
            throw CourtError(.invalid, "The page asked for needs another look.", fields: problems)
        }
        let sorted = all.sorted { key($0) < key($1) }
        let rest = after.map { after in sorted.filter { key($0) > after } } ?? sorted
        items = Array(rest.prefix(limit))
        nextCursor = rest.count > limit ? items.last.map { CursorText.encode(key($0)) } : nil
    }

    /// An instant as a key that sorts as text in time order (milliseconds, zero-padded).
    static func sortable(_ instant: Date) -> String {
        let digits = String(Int64((instant.timeIntervalSince1970 * 1000).rounded()))
        return String(repeating: "0", count: max(0, 15 - digits.count)) + digits
    }
}
