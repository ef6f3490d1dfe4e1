import ECFDomain
import Foundation

/// The e-mails a court sends to its users, worded for the person who gets them. A court mail goes
/// to the account's primary address, with its secondary addresses in copy.
public struct CourtMails: Sendable {
    let from: EmailAddress
    public let links: LinkBuilder
    let messageIDDomain: String
    let ids: any IDGenerator

    public init(from: EmailAddress, links: LinkBuilder, messageIDDomain: String, ids: any IDGenerator) {
        self.from = from
        self.links = links
        self.messageIDDomain = messageIDDomain
        self.ids = ids
    }

    func message(
        to name: String, _ addresses: [EmailAddress], court: FederalCourt, subject: String, paragraphs: [String],
        link: (String, String)? = nil
    ) -> OutgoingMail {
        let (text, html) = MailBody.compose(
            to: name, paragraphs: paragraphs, link: link, signature: "Clerk's Office, \(court.name) (OpenECF)")
        let primary = addresses.first.map { EmailAddress($0.address, displayName: name) ?? $0 }
        return OutgoingMail(
            messageID: MessageIDs.make(ids.uuid(), domain: messageIDDomain), from: from,
            to: primary.map { [$0] } ?? [], cc: Array(addresses.dropFirst()), subject: subject, textBody: text,
            htmlBody: html)
    }

    func message(
        to account: CourtAccount, court: FederalCourt, subject: String, paragraphs: [String],
        link: (String, String)? = nil
    ) -> OutgoingMail {
        message(
            to: account.fullName, account.allEmails, court: court, subject: subject, paragraphs: paragraphs, link: link)
    }

    /// A Notice of Electronic Filing as composed for its recipient (no greeting: the NEF's own form):
    /// with `sharedBody`, `text` and `html` are the recipient's own parts of the notice's body.
    func notice(
        to recipient: ServiceList.Recipient, subject: String, text: String, html: String,
        sharedBody: SharedMailBodyID?
    ) -> OutgoingMail {
        let primary = recipient.addresses.first.map { EmailAddress($0.address, displayName: recipient.name) ?? $0 }
        return OutgoingMail(
            messageID: MessageIDs.make(ids.uuid(), domain: messageIDDomain), from: from,
            to: primary.map { [$0] } ?? [], cc: Array(recipient.addresses.dropFirst()), subject: subject,
            textBody: text, htmlBody: html, sharedBody: sharedBody)
    }

    /// The day's summary: every entry the account was served, by case, each with its docket link.
    func dailySummary(to account: CourtAccount, court: OpenCourt, day: String, cases: [(CourtCase, [DocketEntry])])
        -> OutgoingMail
    {
        var paragraphs = [
            "These are the filings of \(day) (and any earlier day not yet summarized) in the cases where you receive notices from the \(court.court.name). You chose one summary a day; your Notices of Electronic Filing are listed here instead of arriving one by one."
        ]
        for (courtCase, entries) in cases {
            let docket = links.docketReport(court.id, courtCase.id)
            let lines = entries.map { entry in
                "Document Number: \(entry.number.map(String.init) ?? "No document attached") — \(entry.text)"
            }
            paragraphs.append(
                (["Case Name: \(courtCase.title)", "Case Number: \(courtCase.number) \(docket)"] + lines)
                    .joined(separator: "\n"))
        }
        return message(
            to: account, court: court.court,
            subject: "Daily Summary Report for \(court.court.name), \(day)", paragraphs: paragraphs,
            link: ("Your notice settings", links.url(CourtPaths.home(court.id))))
    }

    func oneTimePassword(_ account: CourtAccount, court: FederalCourt, password: String) -> OutgoingMail {
        message(
            to: account, court: court, subject: "Your \(court.id.rawValue.uppercased()) CM/ECF login",
            paragraphs: [
                "A CM/ECF account was set up for you in the \(court.name): login \(account.login), role \(account.role.label). Sign in with this one-time password: \(password)",
                "You will be asked to choose your own password at the first sign-in.",
            ],
            link: ("Sign in to CM/ECF", links.url(CourtPaths.signIn(court.id))))
    }

    func passwordReset(_ account: CourtAccount, court: FederalCourt, token: String) -> OutgoingMail {
        message(
            to: account, court: court, subject: "Reset your \(court.id.rawValue.uppercased()) CM/ECF password",
            paragraphs: [
                "Someone asked to reset the password of the CM/ECF login \(account.login) in the \(court.name). The link below works once, for 30 minutes.",
                "If you did not ask for this, ignore this message: your password stays as it is.",
            ],
            link: ("Choose a new password", links.url(CourtPaths.resetPassword(court.id), query: ["token": token])))
    }

    func loginReminder(_ accounts: [CourtAccount], court: FederalCourt) -> OutgoingMail {
        let list = accounts.map { "\($0.login) (\($0.role.label))" }.joined(separator: ", ")
        return message(
            to: accounts[0], court: court, subject: "Your \(court.id.rawValue.uppercased()) CM/ECF account information",
            paragraphs: [
                "Someone asked for the CM/ECF logins of the \(court.name) registered to this e-mail address: \(list).",
                "If you also need a new password, use “Forgot password” on the court's sign-in page.",
            ],
            link: ("Sign in to CM/ECF", links.url(CourtPaths.signIn(court.id))))
    }

    /// The court's notice when the cutover is planned: the three preparation steps and the dates.
    ///
    /// Source: the C.D. Cal. NextGen notice.
    func cutoverPlanned(_ account: CourtAccount, court: FederalCourt, plan: CutoverPlan, now: Date, revised: Bool)
        -> OutgoingMail
    {
        let zone = TimeZone(identifier: court.timeZoneID) ?? .gmt
        let when = plan.nextGenAt.map { CourtLocalTime.dayAndTime($0, in: zone) } ?? "a date to be announced"
        return message(
            to: account, court: court,
            subject: (revised ? "Revised: " : "") + "\(court.name) moves to NextGen CM/ECF on \(when)",
            paragraphs: [
                "The \(court.name) will move from its current CM/ECF system to NextGen CM/ECF on \(when)."
                    + (revised ? " This notice replaces the dates announced earlier." : "")
            ] + plan.sentences(in: zone, now: now) + [
                "After the upgrade you will file and view with one individual PACER account in every NextGen court. Before the upgrade:",
                "1. Have your own individual PACER account. A shared firm account is not enough; creating one is free.",
                "2. If your PACER account was issued before August 11, 2014, upgrade it in Manage My Account.",
                "3. Know your current CM/ECF login (\(account.login)) and password for this court. If you forgot the password, reset it now.",
                "When the upgrade is complete the court will tell you, and you will link your CM/ECF login to your upgraded PACER account, once. Until you link, you cannot e-file in this court.",
            ],
            link: ("Check that you are ready", links.url(CourtPaths.readiness(court.id))))
    }

    /// The one "upgrade complete — link your account" message.
    func cutoverComplete(_ account: CourtAccount, court: FederalCourt) -> OutgoingMail {
        message(
            to: account, court: court, subject: "\(court.name) is now on NextGen CM/ECF: link your account",
            paragraphs: [
                "The \(court.name) has completed its upgrade to NextGen CM/ECF.",
                "To keep e-filing, sign in with your upgraded PACER account and link your CM/ECF login \(account.login) to it. You do this once; until you do, you cannot e-file in this court. Your old CM/ECF password no longer signs you in.",
            ],
            link: ("Link my CM/ECF account", links.url(CourtPaths.link(court.id))))
    }

    func linkReminder(_ account: CourtAccount, court: FederalCourt) -> OutgoingMail {
        message(
            to: account, court: court, subject: "Reminder: link your \(court.id.rawValue.uppercased()) CM/ECF account",
            paragraphs: [
                "The \(court.name) runs NextGen CM/ECF, and your CM/ECF login \(account.login) is not linked to a PACER account yet, so you cannot e-file there.",
                "Sign in with your upgraded PACER account and link the login; it takes a minute and is done once.",
            ],
            link: ("Link my CM/ECF account", links.url(CourtPaths.link(court.id))))
    }

    func linked(_ account: CourtAccount, court: FederalCourt, profile: PacerProfile, at instant: Date) -> OutgoingMail {
        message(
            to: account, court: court, subject: "Your CM/ECF login is linked to your PACER account",
            paragraphs: [
                "Your CM/ECF login \(account.login) in the \(court.name) was linked to the PACER account \(profile.username) on \(instant.formatted(.iso8601)).",
                "From now on, sign in with PACER to file in this court; the old CM/ECF password no longer works. If you did not do this, contact the clerk's office at once.",
            ],
            link: ("Go to the court", links.url(CourtPaths.home(court.id))))
    }

    func unlinked(_ account: CourtAccount, court: FederalCourt, reason: String, oneTimePassword: String)
        -> OutgoingMail
    {
        message(
            to: account, court: court, subject: "The clerk unlinked your CM/ECF login",
            paragraphs: [
                "The clerk's office of the \(court.name) removed the link between your CM/ECF login \(account.login) and your PACER account. Reason: \(reason)",
                "To e-file again, sign in with the right PACER account and link the login \(account.login) with this one-time password: \(oneTimePassword)",
            ],
            link: ("Link my CM/ECF account", links.url(CourtPaths.link(court.id))))
    }

    func registrationDecided(_ registration: EFileRegistration, court: FederalCourt, login: CourtLogin?)
        -> OutgoingMail
    {
        let approved = registration.status == .approved
        return message(
            to: registration.fullName, [registration.email], court: court,
            subject: approved
                ? "Your e-filing registration in the \(court.name) is approved"
                : "Your e-filing registration in the \(court.name) was not approved",
            paragraphs: approved
                ? [
                    "The clerk approved your request to e-file in the \(court.name) as \(registration.role.label). Your court login \(login?.rawValue ?? "") is linked to your PACER account \(registration.username): sign in with PACER to file."
                ]
                : [
                    "The clerk did not approve your request to e-file in the \(court.name) as \(registration.role.label). Reason: \(registration.reason ?? "none given").",
                    "You can ask again from Manage My Account once the reason is resolved.",
                ],
            link: ("Go to the court", links.url(CourtPaths.home(court.id))))
    }
}
