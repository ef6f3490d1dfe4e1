import ECFDomain
import ECFServices

/// `/ecf/{court}/notices`: how this court account receives its Notices of Electronic Filing, and,
/// for the press, the cases it follows.
struct NoticeSettingsPage: Page {
    static let template = "court-notices"

    struct Followed: Sendable, TemplateFields {
        let caseID: String
        let label: String
    }

    let title: String
    let nav: NavBar
    let csrfToken: String
    let courtID: String
    let who: String
    let notice: String?
    let problem: String?
    let deliveries: [SelectOption]
    let media: Bool
    let followed: [Followed]
    let hasFollowed: Bool

    init(
        context: AppRequestContext, court: OpenCourt, account: CourtAccount, followed: [CourtCase], notice: String?,
        problem: String?
    ) {
        nav = NavBar(context)
        csrfToken = context.csrfToken
        title = "My notices in \(court.court.name)"
        courtID = court.id.rawValue
        who =
            "Notices for the CM/ECF login \(account.login) go to \(account.allEmails.map(\.address).joined(separator: ", "))."
        self.notice = notice
        self.problem = problem
        deliveries = NoticeDelivery.allCases.map {
            SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == account.noticeDelivery)
        }
        media = account.role == .mediaEService
        self.followed = followed.map { Followed(caseID: String($0.id.rawValue), label: "\($0.number) \($0.title)") }
        hasFollowed = !followed.isEmpty
    }
}
