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

    /// - Parameter key: a key unique to each item, increasing in the list's order.
    init(_ all: [Item], key: (Item) -> String, request: Request) throws {
        var problems = FieldProblems()
        let asked = PageRequest(request, items: "items", problems: &problems)
        guard problems.isEmpty else {
            throw CourtError(.invalid, "The page asked for needs another look.", fields: problems.byField)
        }
        let limit = asked.limit
        let sorted = all.sorted { key($0) < key($1) }
        let rest = asked.after.map { after in sorted.filter { key($0) > after } } ?? sorted
        items = Array(rest.prefix(limit))
        nextCursor = rest.count > limit ? items.last.map { CursorText.encode(key($0)) } : nil
    }

    /// An instant as a key that sorts as text in time order (milliseconds, zero-padded).
    static func sortable(_ instant: Date) -> String {
        let digits = String(Int64((instant.timeIntervalSince1970 * 1000).rounded()))
        return String(repeating: "0", count: max(0, 15 - digits.count)) + digits
    }
}
