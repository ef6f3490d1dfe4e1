import Foundation

/// What of a docket a report shows, as CM/ECF's Docket Report form asks: entries filed in a span of
/// days, documents numbered in a range (unnumbered entries then left out), the parties and their
/// counsel or not, terminated parties or not, oldest or newest first.
///
/// Source: CM/ECF Docket Report selection form (date filed range, "Documents numbered from/to",
/// "Include parties and counsel", "Include terminated parties", sort order).
public struct DocketFilter: Sendable, Hashable {
    public var filedFrom: DateOnly?
    public var filedTo: DateOnly?
    public var documentFrom: Int?
    public var documentTo: Int?
    public var parties = true
    public var terminatedParties = true
    public var newestFirst = false

    public init() {}

    /// Reads the options (`filedFrom`, `filedTo`, `documentFrom`, `documentTo`, `parties`,
    /// `terminated`, `order`), naming each answer that cannot be used.
    public static func read(_ value: (String) -> String?) -> Result<DocketFilter, FieldProblems> {
        var filter = DocketFilter()
        var problems = FieldProblems()
        func text(_ name: String) -> String? {
            guard let raw = value(name)?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        let filed = FiledRange.read(text, problems: &problems)
        filter.filedFrom = filed.from
        filter.filedTo = filed.to
        for (name, label) in [("documentFrom", "first"), ("documentTo", "last")] {
            guard let typed = text(name) else { continue }
            guard let number = Int(typed), number >= 1 else {
                problems[name] = "Enter the \(label) document number as a whole number, 1 or more."
                continue
            }
            if name == "documentFrom" { filter.documentFrom = number } else { filter.documentTo = number }
        }
        if let from = filter.documentFrom, let to = filter.documentTo, to < from {
            problems["documentTo"] = "The last document number is below the first."
        }
        for (name, label) in [("parties", "parties and counsel"), ("terminated", "terminated parties")] {
            guard let typed = text(name) else { continue }
            guard let yes = ["yes": true, "true": true, "no": false, "false": false][typed.lowercased()] else {
                problems[name] = "Answer yes or no: include \(label)?"
                continue
            }
            if name == "parties" { filter.parties = yes } else { filter.terminatedParties = yes }
        }
        if let order = text("order") {
            switch order.lowercased() {
            case "oldest": filter.newestFirst = false
            case "newest": filter.newestFirst = true
            default: problems["order"] = "Order the entries oldest or newest first."
            }
        }
        return problems.isEmpty ? .success(filter) : .failure(problems)
    }

    /// True when the report is the whole docket, oldest first.
    public var isEverything: Bool { self == DocketFilter() }

    /// The receipt's "Search Criteria" after the case number.
    public var criteria: String {
        var parts: [String] = []
        if filedFrom != nil || filedTo != nil {
            parts.append("filed \(filedFrom?.description ?? "…") to \(filedTo?.description ?? "…")")
        }
        if documentFrom != nil || documentTo != nil {
            parts.append("documents \(documentFrom.map(String.init) ?? "…") to \(documentTo.map(String.init) ?? "…")")
        }
        if !parties { parts.append("no parties") } else if !terminatedParties { parts.append("no terminated parties") }
        if newestFirst { parts.append("newest first") }
        return parts.joined(separator: "; ")
    }

    /// Whether a party is listed.
    public func lists(_ party: Party) -> Bool {
        parties && (terminatedParties || party.dateTerminated == nil)
    }

    /// The span of instants of the date range in the court's time zone.
    public func filedSpan(in zone: TimeZone) -> (from: Date?, before: Date?) {
        FiledRange(from: filedFrom, to: filedTo).instants(in: zone)
    }
}
