import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// `PUT /api/v1/courts/{court}/cases/{caseId}/parties/{partyId}/termination` `{dateTerminated}`
/// (clerk): terminates a party on a day (`null` undoes it); the docket report marks it.
struct PartyRoutes {
    let courts: CourtsWeb

    struct TerminationRequest: Decodable {
        let dateTerminated: String?
    }

    func register(on router: Router<AppRequestContext>) {
        router.put("/api/v1/courts/{court}/cases/{caseId}/parties/{partyId}/termination") { request, context in
            let court = try await courts.court(context)
            let clerk = try await CourtAPIRoutes(courts: courts).clerk(request, court: court)
            guard let caseID = Int64(try context.parameters.require("caseId")),
                let party = Int64(try context.parameters.require("partyId"))
            else { throw CourtError(.notFound, "There is no such party.") }
            let body = try await request.decode(as: TerminationRequest.self, context: context)
            var day: DateOnly?
            if let typed = body.dateTerminated {
                guard let parsed = DateOnly(iso: typed) else {
                    let message = "Enter the date terminated as YYYY-MM-DD, or null to undo the termination."
                    throw CourtError(.invalid, message, fields: ["dateTerminated": message])
                }
                day = parsed
            }
            try await TerminateParty(courts.context)(CaseID(caseID), party: party, on: day, in: court, by: clerk)
            return Response(status: .noContent)
        }
    }
}
