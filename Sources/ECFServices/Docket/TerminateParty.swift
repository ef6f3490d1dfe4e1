import ECFDomain
import Foundation

/// The clerk terminates a party from a case (dismissed, settled out): the party stays on the
/// docket, marked "TERMINATED: date", as CM/ECF shows it. Undone by clearing the date. Audited.
///
/// Source: CM/ECF's "Terminate Parties" clerk event; the docket report's `TERMINATED:` line.
public struct TerminateParty: Sendable {
    let context: CourtContext

    public init(_ context: CourtContext) {
        self.context = context
    }

    public func callAsFunction(
        _ caseID: CaseID, party: Int64, on day: DateOnly?, in court: OpenCourt, by clerk: CourtAccount
    ) async throws {
        let docket = try await context.stores.docket(court.id)
        guard let courtCase = try await docket.courtCase(caseID) else {
            throw CourtError(.notFound, "There is no case with this number in \(court.court.name).")
        }
        if let day {
            var problem: String?
            if day < courtCase.dateFiled {
                problem = "A party cannot be terminated before the case was filed (\(courtCase.dateFiled))."
            } else if court.today < day {
                problem = "A party cannot be terminated on a day still to come."
            }
            if let problem { throw CourtError(.invalid, problem, fields: ["dateTerminated": problem]) }
        }
        let found = try await docket.transaction { try await $0.terminate(party: party, in: caseID, on: day) }
        guard found else { throw CourtError(.notFound, "Case \(courtCase.number) has no such party.") }
        let line = context.audit(
            .partyTerminated, actor: "court:\(clerk.login)", courtAccount: clerk.id,
            detail: "case \(courtCase.number), party \(party) → \(day?.description ?? "not terminated")")
        try await court.store.transaction { try await $0.append(line) }
    }
}
