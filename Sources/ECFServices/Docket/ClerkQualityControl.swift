import ECFDomain
import Foundation

/// The clerk's quality control of the docket: correct an entry's text (every earlier text kept,
/// the entry shown "modified"), strike an entry (kept and marked, never deleted), and set the
/// restriction of an entry, of one of its documents, or of a whole case. Each change is in the court's audit log.
public struct ClerkQualityControl: Sendable {
    public enum Change: Sendable, Equatable {
        case text(String)
        case strike
        case restriction(Restriction)
        /// One document of an entry (an exhibit sealed while the motion stays public).
        case documentRestriction(DocumentID, Restriction)
    }

    let context: CourtContext

    public init(_ context: CourtContext) {
        self.context = context
    }

    public func change(_ caseID: CaseID, seq: Int?, _ change: Change, in court: OpenCourt, by clerk: CourtAccount)
        async throws
    {
        let docket = try await context.stores.docket(court.id)
        guard let courtCase = try await docket.courtCase(caseID) else {
            throw CourtError(.notFound, "There is no case with this number in \(court.court.name).")
        }
        if case .text(let text) = change, text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw CourtError(
                .invalid, "The docket text cannot be empty.", fields: ["docketText": "Enter the docket text."])
        }
        let now = court.now
        let actor = "court:\(clerk.login)"
        let (action, detail): (CourtAuditEntry.Action, String) =
            switch change {
            case .text: (.entryModified, "case \(courtCase.number), seq \(seq ?? 0)")
            case .strike: (.entryStricken, "case \(courtCase.number), seq \(seq ?? 0)")
            case .restriction(let level):
                (
                    .restrictionChanged,
                    "case \(courtCase.number)" + (seq.map { ", seq \($0)" } ?? "") + " → \(level.rawValue)"
                )
            case .documentRestriction(let document, let level):
                (.restrictionChanged, "case \(courtCase.number), document \(document) → \(level.rawValue)")
            }
        let found = try await docket.transaction { transaction -> Bool in
            // The national search of docket text reads a changed entry again.
            func relocate(_ seq: Int) async throws {
                try await transaction.enqueue(.locator(caseID, entry: seq, at: now))
            }
            switch (change, seq) {
            case (.text(let text), let seq?):
                try await relocate(seq)
                return try await transaction.replaceText(of: caseID, seq: seq, with: text, at: now, by: actor)
            case (.strike, let seq?):
                try await relocate(seq)
                return try await transaction.strike(caseID, seq: seq, at: now)
            case (.restriction(let level), let seq?):
                try await relocate(seq)
                return try await transaction.restrict(caseID, seq: seq, to: level)
            case (.restriction(let level), nil):
                // The national locator learns at once that the case is sealed (or unsealed).
                try await transaction.enqueue(.locator(caseID, at: now))
                return try await transaction.restrict(caseID, to: level)
            case (.documentRestriction(let document, let level), _):
                return try await transaction.restrict(document: document, in: caseID, to: level)
            case (.text, nil), (.strike, nil):
                return false
            }
        }
        guard found else {
            throw CourtError(.notFound, "There is no such entry or document in case \(courtCase.number).")
        }
        let entry = context.audit(action, actor: actor, courtAccount: clerk.id, detail: detail)
        try await court.store.transaction { try await $0.append(entry) }
    }
}
