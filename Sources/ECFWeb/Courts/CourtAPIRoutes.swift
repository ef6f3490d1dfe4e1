import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// A court's JSON API under `/api/v1/courts/{court}/`, and e-file registration at the PSC.
struct CourtAPIRoutes {
    let courts: CourtsWeb

    static let resetAnswer =
        "If a CM/ECF login matches, we e-mailed a link to reset its password. The link works once, for 30 minutes."
    static let reminderAnswer = "If any CM/ECF login of this court uses this e-mail address, we e-mailed it the login."

    func register(on router: Router<AppRequestContext>) {
        let base = "/api/v1/courts/{court}"
        router.get("\(base)") { _, context in
            let court = try await courts.court(context)
            return try JSONResponse.make(CourtDTO(court: court.court, plan: court.plan, phase: court.phase))
        }
        router.get("\(base)/settings") { _, context in
            let court = try await courts.court(context)
            return try JSONResponse.make(CourtSettingsDTO(try await court.store.settings()))
        }
        router.put("\(base)/settings") { request, context in
            let court = try await courts.court(context)
            let clerk = try await clerk(request, court: court)
            let body = try await request.decode(as: CourtSettingsDTO.self, context: context)
            let changed = try await ChangeCourtSettings(courts.context)(
                court: court.id.rawValue, maxFileMegabytes: body.maxFileMegabytes.map(String.init) ?? "",
                scannedPDFs: body.scannedPDFs ?? "", summaryTime: body.summaryTime ?? "17:00", by: .clerk(clerk))
            if let feeFree = body.feeFree, feeFree != changed.feeFree {
                try await SetCourtFees(courts.context).feeFree(feeFree, court: court.id.rawValue, by: .clerk(clerk))
            }
            return try JSONResponse.make(CourtSettingsDTO(try await court.store.settings()))
        }
        // A PACER account exempt from fees in this court (pro bono counsel, researchers).
        router.post("\(base)/fee-exemptions") { request, context in
            let court = try await courts.court(context)
            let clerk = try await clerk(request, court: court)
            let body = try await request.decode(as: FeeExemptionRequest.self, context: context)
            try await SetCourtFees(courts.context).exempt(
                username: body.username ?? "", reason: body.reason ?? "", court: court.id.rawValue, by: .clerk(clerk))
            return Response(status: .noContent)
        }
        router.delete("\(base)/fee-exemptions/{username}") { request, context in
            let court = try await courts.court(context)
            let clerk = try await clerk(request, court: court)
            try await SetCourtFees(courts.context).exempt(
                username: try context.parameters.require("username"), reason: nil, court: court.id.rawValue,
                by: .clerk(clerk))
            return Response(status: .noContent)
        }
        router.get("\(base)/cases/{caseId}/service-list") { request, context in
            let court = try await courts.court(context)
            let list = try await ElectronicService(courts.context).serviceList(
                of: try context.caseID(in: court), in: court, identity: try await courts.apiIdentity(request, in: court)
            )
            return try JSONResponse.make(ServiceListDTO(list))
        }
        router.get("\(base)/cases/{caseId}/entries/{seq}/service") { request, context in
            let court = try await courts.court(context)
            guard let seq = Int(try context.parameters.require("seq")) else {
                throw CourtError(.notFound, "There is no such entry in this case.")
            }
            let (entry, records) = try await ElectronicService(courts.context).records(
                of: try context.caseID(in: court), seq: seq, in: court,
                identity: try await courts.apiIdentity(request, in: court))
            return try JSONResponse.make(ServiceRecordsDTO(entry: entry, records: records))
        }
        for (method, subscribed) in [(HTTPRequest.Method.post, true), (.delete, false)] {
            router.on("\(base)/cases/{caseId}/subscriptions", method: method) { request, context in
                let court = try await courts.court(context)
                let caseID = try context.caseID(in: court)
                let changed = try await ElectronicService(courts.context).subscribe(
                    subscribed, to: caseID, in: court, identity: try await courts.apiIdentity(request, in: court))
                return try JSONResponse.make(
                    SubscriptionDTO(caseId: String(caseID.rawValue), subscribed: subscribed),
                    status: subscribed && changed ? .created : .ok)
            }
        }
        router.put("\(base)/notice-delivery") { request, context in
            let court = try await courts.court(context)
            let body = try await request.decode(as: NoticeDeliveryDTO.self, context: context)
            guard let delivery = body.delivery.flatMap(NoticeDelivery.init(rawValue:)) else {
                throw CourtError(
                    .invalid, "Choose eachFiling or dailySummary.",
                    fields: ["delivery": "Choose eachFiling or dailySummary."])
            }
            let account = try await ElectronicService(courts.context).setDelivery(
                delivery, in: court, identity: try await courts.apiIdentity(request, in: court))
            return try JSONResponse.make(NoticeDeliveryDTO(delivery: account.noticeDelivery.rawValue))
        }
        router.get("\(base)/events") { _, context in
            let court = try await courts.court(context)
            return try JSONResponse.make(EventCatalogDTO(EventCatalog.events(for: court.court.kind)))
        }
        // The case (CM/ECF's case query) and its entries (the docket) are billed reports.
        router.get("\(base)/cases/{caseId}") { request, context in
            try await billedCase(request, context, description: "Case Query") { CaseDTO($0) }
        }
        // The entries, `ReadCase.pageSize` at a time; each page is billed like a docket report.
        router.get("\(base)/cases/{caseId}/entries") { request, context in
            let court = try await courts.court(context)
            let identity = try await courts.apiIdentity(request, in: court)
            let read = ReadCase(courts.context)
            let view = try await read(try context.caseID(in: court), in: court, identity: identity, withEntries: false)
            var after: Int?
            if let typed = request.uri.queryParameters.get("cursor"), !typed.isEmpty {
                guard let seq = CursorText.decode(typed).flatMap({ Int($0) }) else {
                    let message = "This page link is not valid; start from the first page."
                    throw CourtError(.invalid, message, fields: ["cursor": message])
                }
                after = seq
            }
            let page = try await read.entries(of: view, DocketFilter(), in: court, after: after)
            let next = page.next.map { CursorText.encode(String($0)) }
            return try await courts.billedJSON(
                { .docketReport(bytes: $0) }, description: "Docket Report",
                criteria: view.courtCase.number.description + (after.map { " entries after \($0)" } ?? ""), in: court,
                identity: identity, viewer: view.viewer, clientCode: ClientCodeInput.read(request, context),
                caseID: view.courtCase.id,
                body: EntriesDTO(page: page.entries, nextCursor: next))
        }
        router.patch("\(base)/cases/{caseId}/entries/{seq}") { request, context in
            let body = try await request.decode(as: DocketTextRequest.self, context: context)
            return try await qualityControl(request, context, .text(body.docketText ?? ""), entry: true)
        }
        router.post("\(base)/cases/{caseId}/entries/{seq}/strike") { request, context in
            try await qualityControl(request, context, .strike, entry: true)
        }
        router.put("\(base)/cases/{caseId}/entries/{seq}/restriction") { request, context in
            let body = try await request.decode(as: RestrictionRequest.self, context: context)
            return try await qualityControl(request, context, .restriction(try Self.restriction(body)), entry: true)
        }
        router.put("\(base)/cases/{caseId}/documents/{docId}/restriction") { request, context in
            let body = try await request.decode(as: RestrictionRequest.self, context: context)
            guard let document = DocumentID(try context.parameters.require("docId")) else {
                throw CourtError(.notFound, "There is no such document in this case.")
            }
            return try await qualityControl(
                request, context, .documentRestriction(document, try Self.restriction(body)), entry: false)
        }
        router.put("\(base)/cases/{caseId}/restriction") { request, context in
            let body = try await request.decode(as: RestrictionRequest.self, context: context)
            return try await qualityControl(request, context, .restriction(try Self.restriction(body)), entry: false)
        }
        router.post("\(base)/legacy-sessions") { request, context in
            let body = try await request.decode(as: LegacySessionRequest.self, context: context)
            let signedIn = try await courts.legacySignIn(
                court: try context.parameters.require("court"), login: body.login, password: body.password,
                client: context.clientAddress)
            return try JSONResponse.make(
                LegacySessionDTO(
                    token: signedIn.token, expiresAt: signedIn.session.expiresAt,
                    login: signedIn.account.login.rawValue,
                    role: signedIn.account.role.rawValue, mustChangePassword: signedIn.account.mustChangePassword),
                status: .created)
        }
        router.delete("\(base)/legacy-sessions/current") { request, context in
            let court = try await courts.court(context)
            if let token = try await CourtCredentials.api(request, cso: courts.cso).courtSession {
                try await courts.sessions.signOut(token, in: court)
            }
            return Response(status: .noContent)
        }
        router.post("\(base)/legacy-sessions/current/password") { request, context in
            let court = try await courts.court(context)
            let body = try await request.decode(as: CourtPasswordChangeRequest.self, context: context)
            let account = try await legacyAccount(request, court: court)
            let changed = try await courts.sessions.changePassword(
                account, in: court, current: body.currentPassword ?? "", new: body.newPassword ?? "")
            return try JSONResponse.make(CourtAccountDTO(changed))
        }
        router.post("\(base)/password-resets") { request, context in
            let body = try await request.decode(as: CourtPasswordResetRequest.self, context: context)
            try await courts.requestReset(
                court: try context.parameters.require("court"), loginOrEmail: body.loginOrEmail)
            return try JSONResponse.make(AcceptedDTO(message: Self.resetAnswer), status: .accepted)
        }
        router.post("\(base)/password-resets/confirm") { request, context in
            let body = try await request.decode(as: PasswordResetConfirmation.self, context: context)
            let account = try await courts.confirmReset(
                court: try context.parameters.require("court"), token: body.token, newPassword: body.newPassword)
            return try JSONResponse.make(CourtAccountDTO(account))
        }
        router.post("\(base)/login-reminders") { request, context in
            let body = try await request.decode(as: CourtLoginReminderRequest.self, context: context)
            try await courts.loginReminder(court: try context.parameters.require("court"), email: body.email)
            return try JSONResponse.make(AcceptedDTO(message: Self.reminderAnswer), status: .accepted)
        }
        router.get("\(base)/cutover") { _, context in
            let court = try await courts.court(context)
            return try JSONResponse.make(CourtDTO(court: court.court, plan: court.plan, phase: court.phase))
        }
        router.put("\(base)/cutover") { request, context in
            let court = try await courts.court(context)
            let clerk = try await clerk(request, court: court)
            let body = try await request.decode(as: CutoverRequest.self, context: context)
            let planned = try await courts.planCutover(court: court.id.rawValue, body.request, by: .clerk(clerk))
            return try JSONResponse.make(CourtDTO(court: planned.court, plan: planned.plan, phase: planned.phase))
        }
        router.post("\(base)/links") { request, context in
            let claims = try await CourtCredentials.api(request, cso: courts.cso).requirePACER()
            try APITokens.requireSignIn(claims, "link a court login")
            let body = try await request.decode(as: LinkRequest.self, context: context)
            let linked = try await courts.link(
                court: try context.parameters.require("court"), signedIn: claims, login: body.login,
                password: body.password, client: context.clientAddress)
            return try JSONResponse.make(CourtAccountDTO(linked), status: .created)
        }
        router.delete("\(base)/links/{account}") { request, context in
            let court = try await courts.court(context)
            let clerk = try await clerk(request, court: court)
            let body = try await request.decode(as: ReasonRequest.self, context: context)
            let account = try await courts.unlink(
                court: court.id.rawValue, account: try context.courtAccountID("account"), reason: body.reason ?? "",
                by: .clerk(clerk))
            return try JSONResponse.make(CourtAccountDTO(account))
        }
        router.get("\(base)/readiness") { request, context in
            let court = try await courts.court(context)
            let claims = try await CourtCredentials.api(request, cso: courts.cso).requirePACER()
            return try JSONResponse.make(
                ReadinessDTO(try await courts.readiness.forUser(in: court, signedIn: claims), court: court.id))
        }
        router.get("\(base)/readiness/summary") { request, context in
            let court = try await courts.court(context)
            _ = try await clerk(request, court: court)
            return try JSONResponse.make(
                ReadinessSummaryDTO(try await courts.readiness.summary(in: court), request: request))
        }
        router.post("\(base)/readiness/reminders") { request, context in
            let court = try await courts.court(context)
            let clerk = try await clerk(request, court: court)
            return try JSONResponse.make(
                CountDTO(sent: try await courts.readiness.remindUnlinked(in: court, by: .clerk(clerk))),
                status: .accepted)
        }
        router.get("\(base)/efile-access") { request, context in
            let court = try await courts.court(context)
            try court.requireAvailable()
            let account = try courts.access.eFiler(
                in: court, identity: try await courts.apiIdentity(request, in: court))
            return try JSONResponse.make(
                EFileAccessDTO(canEFile: true, login: account.login.rawValue, role: account.role.rawValue))
        }
        router.get("\(base)/accounts") { request, context in
            let court = try await courts.court(context)
            _ = try await clerk(request, court: court)
            let page = try ListPage(try await court.store.accounts(), key: \.login.rawValue, request: request)
            return try JSONResponse.make(
                CourtAccountListDTO(accounts: page.items.map(CourtAccountDTO.init), nextCursor: page.nextCursor))
        }
        router.post("\(base)/accounts") { request, context in
            let court = try await courts.court(context)
            let clerk = try await clerk(request, court: court)
            let body = try await request.decode(as: CourtAccountRequest.self, context: context)
            let account = try await courts.createAccount(
                court: court.id.rawValue, form: body.form, password: .oneTime, by: .clerk(clerk))
            return try JSONResponse.make(CourtAccountDTO(account), status: .created)
        }
        for (action, status) in [("disable", CourtAccount.Status.disabled), ("enable", .active)] {
            router.post("\(base)/accounts/{account}/\(action)") { request, context in
                let court = try await courts.court(context)
                let clerk = try await clerk(request, court: court)
                let account = try await courts.changeStatus(
                    court: court.id.rawValue, account: try context.courtAccountID("account"), to: status,
                    by: .clerk(clerk))
                return try JSONResponse.make(CourtAccountDTO(account))
            }
        }
        router.post("\(base)/accounts/import") { request, context in
            let court = try await courts.court(context)
            let clerk = try await clerk(request, court: court)
            var request = request
            let body = try await request.collectBody(upTo: 5 * 1024 * 1024)
            let report = try await courts.importAccounts(
                court: court.id.rawValue, csv: String(buffer: body), by: .clerk(clerk))
            return try JSONResponse.make(ImportReportDTO(report))
        }
        router.get("\(base)/efile-registrations") { request, context in
            let court = try await courts.court(context)
            _ = try await clerk(request, court: court)
            let page = try ListPage(
                try await courts.registrations.queue(in: court),
                key: { "\(ListPage<EFileRegistration>.sortable($0.requestedAt))|\($0.id)" },
                request: request)
            return try JSONResponse.make(
                EFileRegistrationListDTO(
                    registrations: page.items.map { EFileRegistrationDTO($0, court: court.id) },
                    nextCursor: page.nextCursor))
        }
        router.post("\(base)/efile-registrations/{id}/approve") { request, context in
            let court = try await courts.court(context)
            let clerk = try await clerk(request, court: court)
            let decided = try await courts.registrations.approve(
                try context.registrationID(), in: court, by: .clerk(clerk))
            return try JSONResponse.make(EFileRegistrationDTO(decided, court: court.id))
        }
        router.post("\(base)/efile-registrations/{id}/reject") { request, context in
            let court = try await courts.court(context)
            let clerk = try await clerk(request, court: court)
            let body = try await request.decode(as: ReasonRequest.self, context: context)
            let decided = try await courts.registrations.reject(
                try context.registrationID(), in: court, reason: body.reason ?? "", by: .clerk(clerk))
            return try JSONResponse.make(EFileRegistrationDTO(decided, court: court.id))
        }
        router.post("/api/v1/pacer/efile-registrations") { request, context in
            let claims = try await CourtCredentials.api(request, cso: courts.cso).requirePACER()
            try APITokens.requireSignIn(claims, "ask for e-filing privileges")
            let body = try await request.decode(as: EFileRegistrationRequest.self, context: context)
            let registration = try await courts.registrations.request(
                signedIn: claims, court: body.court ?? "", role: body.role ?? "", barNumber: body.barNumber,
                barState: body.barState)
            return try JSONResponse.make(
                EFileRegistrationDTO(registration, court: CourtID((body.court ?? "").lowercased())), status: .created)
        }
    }

    func clerk(_ request: Request, court: OpenCourt) async throws -> CourtAccount {
        try courts.access.clerk(in: court, identity: try await courts.apiIdentity(request, in: court))
    }

    static func restriction(_ body: RestrictionRequest) throws -> Restriction {
        guard let level = body.restriction.flatMap(Restriction.init(rawValue:)) else {
            let message = "Choose the restriction: \(Restriction.allCases.map(\.rawValue).joined(separator: ", "))."
            throw CourtError(.invalid, message, fields: ["restriction": message])
        }
        return level
    }

    /// A clerk's change to a case or one of its entries; answers with the case's entries as the clerk sees them.
    func qualityControl(
        _ request: Request, _ context: AppRequestContext, _ change: ClerkQualityControl.Change, entry: Bool
    ) async throws -> Response {
        let court = try await courts.court(context)
        let clerk = try await clerk(request, court: court)
        let caseID = try context.caseID(in: court)
        var seq: Int?
        if entry {
            guard let number = Int(try context.parameters.require("seq")) else {
                throw CourtError(.notFound, "There is no such entry.")
            }
            seq = number
        }
        try await ClerkQualityControl(courts.context).change(caseID, seq: seq, change, in: court, by: clerk)
        return try JSONResponse.make(EntriesDTO(try await caseView(request, context)))
    }

    /// A case report as JSON, billed by its size like a docket report (capped at 30 pages).
    func billedCase<Body: Encodable>(
        _ request: Request, _ context: AppRequestContext, description: String,
        _ make: (ReadCase.CaseView) -> Body
    ) async throws -> Response {
        let court = try await courts.court(context)
        let identity = try await courts.apiIdentity(request, in: court)
        let view = try await ReadCase(courts.context)(
            try context.caseID(in: court), in: court, identity: identity, withEntries: false)
        return try await courts.billedJSON(
            { .docketReport(bytes: $0) }, description: description, criteria: view.courtCase.number.description,
            in: court, identity: identity, viewer: view.viewer, clientCode: ClientCodeInput.read(request, context),
            caseID: view.courtCase.id,
            body: make(view))
    }

    func caseView(_ request: Request, _ context: AppRequestContext) async throws -> ReadCase.CaseView {
        let court = try await courts.court(context)
        return try await ReadCase(courts.context)(
            try context.caseID(in: court), in: court, identity: try await courts.apiIdentity(request, in: court))
    }

    func legacyAccount(_ request: Request, court: OpenCourt) async throws -> CourtAccount {
        guard let token = try await CourtCredentials.api(request, cso: courts.cso).courtSession,
            let account = try await courts.sessions.account(of: token, in: court)
        else {
            throw CourtError(
                .notSignedIn,
                "Sign in with the court login first (POST …/legacy-sessions) and send its token as Bearer.")
        }
        return account
    }
}

/// `POST /api/v1/courts/{court}/fee-exemptions`
struct FeeExemptionRequest: Decodable {
    let username: String?
    let reason: String?
}
