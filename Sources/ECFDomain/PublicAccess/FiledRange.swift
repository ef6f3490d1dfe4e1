import Foundation

/// A span of days filed, as searches and reports ask for it (`filedFrom`, `filedTo`,
/// `YYYY-MM-DD`, the court's days), read with what is wrong with each answer.
public struct FiledRange: Sendable, Equatable {
    public var from: DateOnly?
    public var to: DateOnly?

    public init(from: DateOnly? = nil, to: DateOnly? = nil) {
        self.from = from
        self.to = to
    }

    /// Reads `filedFrom` and `filedTo`, adding a problem for each answer that is not a date and
    /// for a range that ends before it starts.
    public static func read(_ text: (String) -> String?, problems: inout FieldProblems) -> FiledRange {
        var range = FiledRange()
        for (name, label) in [("filedFrom", "from"), ("filedTo", "to")] {
            guard let typed = text(name) else { continue }
            guard let day = DateOnly(iso: typed) else {
                problems[name] = "Enter the date filed \(label) as YYYY-MM-DD."
                continue
            }
            if name == "filedFrom" { range.from = day } else { range.to = day }
        }
        if let from = range.from, let to = range.to, to < from {
            problems["filedTo"] = "The end of the date range is before its start."
        }
        return range
    }

    /// The span as instants in a court's time zone: from the start of `from`, to before the start
    /// of the day after `to`.
    public func instants(in zone: TimeZone) -> (from: Date?, before: Date?) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let before = to.flatMap { calendar.date(byAdding: .day, value: 1, to: $0.startOfDay(in: zone)) }
        return (from?.startOfDay(in: zone), before)
    }
}

/// Page links' cursors in base64url without padding, so they sit in a query string as they are.
public enum CursorText {
    public static func encode(_ plain: String) -> String {
        Data(plain.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    public static func decode(_ text: String) -> String? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
