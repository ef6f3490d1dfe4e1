import Foundation

/// Composes a docket entry's text the way CM/ECF does.
///
/// Source: CM/ECF docket text conventions, e.g. `MOTION to Dismiss filed by Defendant Bolt
/// Fasteners, Inc.. (Attachments: # 1 Exhibit A) (Lee, Defender)` — the event's words, what the
/// filer added, the fee paid with its receipt number, "filed by" each filing party with its type, a period (CM/ECF adds it even after
/// "Inc."), the attachments by number, and the filing user as "(Last, First)".
public enum DocketText {
    public struct Filer: Sendable, Equatable {
        public let type: String
        public let name: String

        public init(type: String, name: String) {
            self.type = type
            self.name = name
        }
    }

    public static func compose(
        event: FilingEvent, added: String? = nil, fee: (amount: Money, receipt: String?)? = nil, filers: [Filer],
        attachments: [String], filedBy: (last: String, first: String)?
    ) -> String {
        var text = event.docketLabel
        if let added = added?.trimmingCharacters(in: .whitespacesAndNewlines), !added.isEmpty {
            text += " " + added
        }
        if let fee, fee.amount != .zero {
            text += " (Filing fee \(fee.amount)" + (fee.receipt.map { ", receipt number \($0)" } ?? "") + ")"
        }
        if !filers.isEmpty {
            text += " filed by " + filers.map { "\($0.type) \($0.name)" }.joined(separator: ", ")
        }
        text += "."
        if !attachments.isEmpty {
            let listed = attachments.enumerated().map { "# \($0.offset + 1) \($0.element)" }.joined(separator: ", ")
            text += " (Attachments: \(listed))"
        }
        if let filedBy { text += " (\(filedBy.last), \(filedBy.first))" }
        return text
    }
}
