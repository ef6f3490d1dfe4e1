import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// The ids in a court route's path, read once each way; a malformed id is answered like an
/// unknown one (404).
extension AppRequestContext {
    func caseID(in court: OpenCourt) throws -> CaseID {
        guard let number = Int64(try parameters.require("caseId")) else {
            throw CourtError(.notFound, "There is no case with this number in \(court.court.name).")
        }
        return CaseID(number)
    }

    func courtAccountID(_ name: String) throws -> CourtAccountID {
        guard let id = CourtAccountID(try parameters.require(name)) else {
            throw CourtError(.notFound, "No court account has this id.")
        }
        return id
    }

    func registrationID() throws -> UUID {
        try uuid(unknown: CourtError(.notFound, "There is no e-file registration with this id."))
    }
}

extension CourtsWeb {
    /// Who the request is in this court, from its credentials.
    func identity(_ credentials: CourtCredentials, in court: OpenCourt) async throws -> CourtIdentity {
        try await access.identity(in: court, courtSession: credentials.courtSession, signedIn: credentials.signedIn)
    }

    /// From `Authorization: Bearer` (programs).
    func apiIdentity(_ request: Request, in court: OpenCourt) async throws -> CourtIdentity {
        try await identity(try await CourtCredentials.api(request, cso: cso), in: court)
    }

    /// From the browser's sign-in cookies (pages).
    func pageIdentity(_ request: Request, _ context: AppRequestContext, in court: OpenCourt) async throws
        -> CourtIdentity
    {
        try await identity(CourtCredentials.page(request, context: context, court: court.id), in: court)
    }
}
