import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// The courts' use cases, as the web layer calls them.
public struct CourtsWeb: Sendable {
    public let context: CourtContext
    public let cso: any CentralSignOn
    public let blobs: any DocumentBlobStore
    public let inspector: any PDFInspector
    public let payments: any PaymentGateway
    /// How judges are drawn for new cases.
    public let random: any RandomSource
    /// Where uploads are written while they arrive, before inspection.
    public let uploads: URL
    /// Whether webhooks may deliver to loopback and private addresses (tests only).
    public let webhooksAllowPrivate: Bool
    /// Docket reports' rows as last sent, for the next report of an unchanged docket.
    public let docketRows: DocketRowsCache

    public init(
        context: CourtContext, cso: any CentralSignOn, blobs: any DocumentBlobStore, inspector: any PDFInspector,
        payments: any PaymentGateway, random: any RandomSource, uploads: URL, webhooksAllowPrivate: Bool = false,
        docketRows: DocketRowsCache = DocketRowsCache()
    ) {
        self.webhooksAllowPrivate = webhooksAllowPrivate
        self.docketRows = docketRows
        self.context = context
        self.cso = cso
        self.blobs = blobs
        self.inspector = inspector
        self.payments = payments
        self.random = random
        self.uploads = uploads
    }

    var legacySignIn: LegacySignIn { LegacySignIn(context) }
    var sessions: CourtSessions { CourtSessions(context) }
    var requestReset: RequestCourtPasswordReset { RequestCourtPasswordReset(context) }
    var confirmReset: ConfirmCourtPasswordReset { ConfirmCourtPasswordReset(context) }
    var loginReminder: RequestCourtLoginReminder { RequestCourtLoginReminder(context) }
    var planCutover: PlanCutover { PlanCutover(context) }
    var link: LinkCourtAccount { LinkCourtAccount(context) }
    var unlink: UnlinkCourtAccount { UnlinkCourtAccount(context) }
    var access: CourtAccess { CourtAccess(context) }
    var readiness: CourtReadiness { CourtReadiness(context) }
    var registrations: EFileRegistrations { EFileRegistrations(context) }
    var createAccount: CreateCourtAccount { CreateCourtAccount(context) }
    var importAccounts: ImportCourtAccounts { ImportCourtAccounts(context) }
    var changeStatus: ChangeCourtAccountStatus { ChangeCourtAccountStatus(context) }
    var webhooks: CourtWebhooks { CourtWebhooks(context, allowPrivate: webhooksAllowPrivate) }
    var file: FileDocument { FileDocument(context, inspector: inspector, blobs: blobs, payments: payments) }
    var openCase: OpenCivilCase {
        OpenCivilCase(context, inspector: inspector, blobs: blobs, payments: payments, random: random)
    }

    /// The request's court: the one the availability middleware opened, or opened now.
    func court(_ context: AppRequestContext) async throws -> OpenCourt {
        let typed = try context.parameters.require("court")
        if let open = context.openCourt, open.id.rawValue == typed.lowercased() { return open }
        return try await self.context.court(typed)
    }
}

/// How a request proves who it is to a court: `Authorization: Bearer` with a CSO token (three
/// dot-separated parts) or a court-login session token; pages use the CSO cookie and the court's
/// own session cookie.
struct CourtCredentials {
    static func cookieName(_ court: CourtID) -> String { "openecf_court_\(court.rawValue)" }

    let courtSession: String?
    let signedIn: CSOClaims?

    static func api(_ request: Request, cso: any CentralSignOn) async throws -> CourtCredentials {
        guard let credential = BearerCredential(request) else {
            return CourtCredentials(courtSession: nil, signedIn: nil)
        }
        if case .courtSession(let token) = credential {
            return CourtCredentials(courtSession: token, signedIn: nil)
        }
        return CourtCredentials(courtSession: nil, signedIn: try await credential.claims(cso))
    }

    static func page(_ request: Request, context: AppRequestContext, court: CourtID) -> CourtCredentials {
        CourtCredentials(courtSession: context.cookie(cookieName(court), of: request), signedIn: context.signedIn)
    }

    /// The PACER sign-in, or the 401 that says how to get one.
    func requirePACER() throws -> CSOClaims {
        guard let signedIn else {
            throw CourtError(
                .notSignedIn,
                "Sign in with your PACER account first: send the token from POST /api/v1/pacer/sessions as Authorization: Bearer."
            )
        }
        return signedIn
    }
}
