import ECFDomain
import Hummingbird

/// What a page of a growing list is asked for, the same for every list: `limit` (1 to 500, 100 by
/// default) and the `cursor` the previous page gave (decoded; nil for the first page).
struct PageRequest {
    static let defaultLimit = 100
    static let maximumLimit = 500

    var limit = Self.defaultLimit
    var after: String?

    /// Reads `limit` and `cursor`, noting in `problems` what is wrong with either; `items` names
    /// what a page holds ("items", "opinions").
    init(_ request: Request, items: String, problems: inout FieldProblems) {
        let query = request.uri.queryParameters
        if let typed = query.get("limit"), !typed.isEmpty {
            if let number = Int(typed), (1...Self.maximumLimit).contains(number) {
                limit = number
            } else {
                problems["limit"] = "Ask for 1 to \(Self.maximumLimit) \(items) per page."
            }
        }
        if let typed = query.get("cursor"), !typed.isEmpty {
            after = CursorText.decode(typed)
            if after == nil { problems["cursor"] = Self.invalidCursor }
        }
    }

    static let invalidCursor = "This page link is not valid; start from the first page."
}
