import ECFDomain
import ECFServices
import Foundation

/// `/ecf/{court}/clerk`: who has linked and who has not, the e-file registration queue, the
/// cutover plan, and adding court accounts.
struct ClerkDashboardPage: Page {
    static let template = "court-clerk"

    struct RoleRow: Sendable, TemplateFields {
        let role: String
        let registered: Int
        let linked: Int
    }

    struct Person: Sendable, TemplateFields {
        let id: String
        let login: String
        let name: String
        let role: String
        let email: String
    }

    struct Activity: Sendable, TemplateFields {
        let when: String
        let action: String
        let actor: String
        let detail: String
    }

    struct Registration: Sendable, TemplateFields {
        let id: String
        let name: String
        let username: String
        let email: String
        let role: String
        let bar: String?
        let requestedAt: String
    }

    let title: String
    let nav: NavBar
    let csrfToken: String
    let courtID: String
    let phaseLabel: String
    let phaseClass: String
    let notice: String?
    let problem: String?
    let planSentences: [String]
    let registered: Int
    let linked: Int
    let roles: [RoleRow]
    let notLinked: [Person]
    let hasNotLinked: Bool
    let linkedAccounts: [Person]
    let disabled: [Person]
    let hasDisabled: Bool
    let hasLinked: Bool
    let activity: [Activity]
    let hasActivity: Bool
    let canRemind: Bool
    let registrations: [Registration]
    let hasRegistrations: Bool
    let canPlan: Bool
    let planFields: [FormField]
    let accountFields: [FormField]
    let settings: ClerkSettingsForm

    init(
        context: AppRequestContext, court: OpenCourt, summary: CourtReadiness.Summary, queue: [EFileRegistration],
        audit: [CourtAuditEntry], settings: CourtSettings, notice: String? = nil, problem: String? = nil
    ) {
        self.settings = ClerkSettingsForm(settings)
        nav = NavBar(context)
        csrfToken = context.csrfToken
        title = "Clerk's office: \(court.court.name)"
        courtID = court.id.rawValue
        phaseLabel = court.phase.label
        phaseClass = court.phase.rawValue
        self.notice = notice
        self.problem = problem
        planSentences = court.plan.sentences(in: court.zone, now: court.now)
        registered = summary.registered
        linked = summary.linked
        roles = CourtRole.allCases.map {
            RoleRow(
                role: $0.label, registered: summary.byRole[$0]?.registered ?? 0, linked: summary.byRole[$0]?.linked ?? 0
            )
        }
        notLinked = summary.notLinked.map(Self.person)
        linkedAccounts = summary.linkedAccounts.map(Self.person)
        disabled = summary.disabled.map(Self.person)
        hasDisabled = !disabled.isEmpty
        hasLinked = !linkedAccounts.isEmpty
        activity = audit.map {
            Activity(
                when: CourtLocalTime.dayAndTime($0.at, in: court.zone), action: $0.action.rawValue, actor: $0.actor,
                detail: $0.detail)
        }
        hasActivity = !activity.isEmpty
        hasNotLinked = !notLinked.isEmpty
        canRemind = court.phase == .nextGen && !notLinked.isEmpty
        registrations = queue.map { request in
            Registration(
                id: request.id.uuidString.lowercased(), name: request.fullName, username: request.username,
                email: request.email.address, role: request.role.label,
                bar: request.barNumber.map { "\($0) (\(request.barState ?? ""))" },
                requestedAt: CourtLocalTime.dayAndTime(request.requestedAt, in: court.zone))
        }
        hasRegistrations = !registrations.isEmpty
        canPlan = !court.plan.hasCutOver(at: court.now)
        let zone = court.zone
        let windows = court.plan.blackouts
        planFields = [
            FormField(
                "nextGenAt", "NextGen starts", type: "datetime-local",
                value: court.plan.nextGenAt.map { CourtLocalTime.typed($0, in: zone) } ?? "",
                hint: "In the court's time zone (\(court.court.timeZoneID))."),
            FormField(
                "blackoutFrom", "Blackout window begins", type: "datetime-local",
                value: windows.first.map { CourtLocalTime.typed($0.start, in: zone) } ?? ""),
            FormField(
                "blackoutTo", "Blackout window ends", type: "datetime-local",
                value: windows.first.map { CourtLocalTime.typed($0.end, in: zone) } ?? ""),
        ]
        accountFields = [
            FormField("login", "Login"),
            FormField("role", "Role", hint: CourtRole.allCases.map(\.rawValue).joined(separator: ", ")),
            FormField("firstName", "First name"), FormField("lastName", "Last name"),
            FormField("email", "E-mail", type: "email"),
            FormField("secondaryEmails", "Secondary e-mails", hint: "Up to 5, separated by semicolons."),
            FormField("barNumber", "Bar number", hint: "Attorneys only."),
            FormField("barState", "Bar state", hint: "Attorneys only, such as CA."),
        ]
    }

    static func person(_ account: CourtAccount) -> Person {
        Person(
            id: account.id.description, login: account.login.rawValue, name: account.fullName, role: account.role.label,
            email: account.email.address)
    }
}
