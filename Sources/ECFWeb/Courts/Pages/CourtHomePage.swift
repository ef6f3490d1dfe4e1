import ECFDomain
import ECFServices

/// `/ecf/{court}/`: where the court stands in its move to NextGen, in its own words, who is signed
/// in there, and what that person can do next.
struct CourtHomePage: Page {
    static let template = "court-home"

    struct Action: Sendable, TemplateFields {
        let href: String
        let label: String
    }

    let title: String
    let nav: NavBar
    let csrfToken: String
    let courtID: String
    let phaseLabel: String
    let phaseClass: String
    let planSentences: [String]
    let notice: String?
    let courtLogin: String?
    let pacerName: String?
    let linkedLogin: String?
    let actions: [Action]

    init(context: AppRequestContext, court: OpenCourt, identity: CourtIdentity, notice: String? = nil) {
        nav = NavBar(context)
        csrfToken = context.csrfToken
        title = court.court.name
        courtID = court.id.rawValue
        phaseLabel = court.phase.label
        phaseClass = court.phase.rawValue
        planSentences = court.plan.sentences(in: court.zone, now: court.now)
        self.notice = notice
        var actions: [Action] = []
        let id = court.id
        switch identity {
        case .legacyLogin(let account):
            courtLogin = "\(account.login) (\(account.role.label))"
            pacerName = nil
            linkedLogin = nil
            actions.append(Action(href: CourtPaths.eFile(id), label: "E-file in this court"))
            if account.role == .clerk { actions.append(Action(href: CourtPaths.clerk(id), label: "Clerk's office")) }
            actions.append(Action(href: "/ecf/\(id.rawValue)/notices", label: "My notices"))
            actions.append(Action(href: "/ecf/\(id.rawValue)/change-password", label: "Change my CM/ECF password"))
        case .pacer(let profile, let linked):
            courtLogin = nil
            pacerName = profile.fullName
            linkedLogin = linked.map { "\($0.login) (\($0.role.label))" }
            actions.append(Action(href: CourtPaths.readiness(id), label: "Am I ready to e-file here?"))
            if linked == nil, court.phase == .nextGen {
                actions.append(Action(href: CourtPaths.link(id), label: "Link my CM/ECF login"))
            }
            actions.append(Action(href: CourtPaths.eFile(id), label: "E-file in this court"))
            if linked?.role == .clerk { actions.append(Action(href: CourtPaths.clerk(id), label: "Clerk's office")) }
            if linked != nil { actions.append(Action(href: "/ecf/\(id.rawValue)/notices", label: "My notices")) }
            actions.append(Action(href: "/ecf/\(id.rawValue)/webhooks", label: "Docket webhooks for my programs"))
        case .nobody:
            courtLogin = nil
            pacerName = nil
            linkedLogin = nil
            if court.phase == .legacy {
                actions.append(Action(href: CourtPaths.signIn(id), label: "Sign in with your CM/ECF login"))
            }
            actions.append(Action(href: "/pacer/login?next=\(CourtPaths.home(id))", label: "Sign in with PACER"))
            actions.append(Action(href: CourtPaths.readiness(id), label: "Am I ready for NextGen?"))
        }
        // Public access, for everyone.
        actions.append(Action(href: "/ecf/\(id.rawValue)/cgi-bin/iquery.pl", label: "Query: find a case"))
        actions.append(Action(href: CourtPaths.docketTextSearch(id), label: "Search docket text (free)"))
        actions.append(Action(href: "/ecf/\(id.rawValue)/cgi-bin/WrtOpRpt.pl", label: "Written opinions (free)"))
        actions.append(Action(href: "/ecf/\(id.rawValue)/cgi-bin/rss_outside.pl", label: "RSS feed of new entries"))
        self.actions = actions
    }
}
