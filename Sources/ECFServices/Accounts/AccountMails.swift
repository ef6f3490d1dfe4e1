import ECFDomain
import Foundation

/// The e-mails the PSC sends about accounts, worded for the person who gets them.
public struct AccountMails: Sendable {
    let from: EmailAddress
    let links: LinkBuilder
    let messageIDDomain: String

    public init(from: EmailAddress, links: LinkBuilder, messageIDDomain: String) {
        self.from = from
        self.links = links
        self.messageIDDomain = messageIDDomain
    }

    func message(
        _ id: UUID, to account: PacerAccount, subject: String, paragraphs: [String], link: (String, String)? = nil
    )
        -> OutgoingMail
    {
        let (text, html) = MailBody.compose(
            to: account.fullName, paragraphs: paragraphs, link: link, signature: "PACER Service Center (OpenECF)")
        return OutgoingMail(
            messageID: MessageIDs.make(id, domain: messageIDDomain), from: from,
            to: [EmailAddress(account.email.address, displayName: account.fullName) ?? account.email],
            subject: subject, textBody: text, htmlBody: html)
    }

    public func verifyEmail(_ id: UUID, to account: PacerAccount, token: String) -> OutgoingMail {
        message(
            id, to: account, subject: "Verify your e-mail address for PACER",
            paragraphs: [
                "You registered for a PACER account with the username \(account.username). Confirm that this e-mail address is yours to finish the registration. The link works once, for 48 hours.",
                "If you did not register, ignore this message; the account cannot be used without this step.",
            ],
            link: ("Verify my e-mail address", links.url(PSCPaths.verifyEmail, query: ["token": token])))
    }

    public func passwordReset(_ id: UUID, to account: PacerAccount, token: String) -> OutgoingMail {
        message(
            id, to: account, subject: "Reset your PACER password",
            paragraphs: [
                "Someone asked to reset the password of the PACER account \(account.username). The link below works once, for 30 minutes. Resetting the password signs the account out everywhere else.",
                "If you did not ask for this, ignore this message: your password stays as it is.",
            ],
            link: ("Choose a new password", links.url(PSCPaths.resetPassword, query: ["token": token])))
    }

    public func usernameReminder(_ id: UUID, to account: PacerAccount, usernames: [Username]) -> OutgoingMail {
        let list = usernames.map(\.rawValue).joined(separator: ", ")
        return message(
            id, to: account, subject: "Your PACER username",
            paragraphs: [
                "Someone asked for the PACER usernames registered to this e-mail address: \(list).",
                "If you did not ask, you can ignore this message.",
            ],
            link: ("Sign in to PACER", links.url(PSCPaths.signIn)))
    }

    public func accountLocked(_ id: UUID, to account: PacerAccount, until: Date) -> OutgoingMail {
        message(
            id, to: account, subject: "Your PACER account is locked for 30 minutes",
            paragraphs: [
                "There were \(SignInThrottle.lockAfterFailures) failed sign-ins in a row to the PACER account \(account.username), so it is locked until \(until.formatted(.iso8601)).",
                "If that was not you, reset your password once the lock ends.",
            ],
            link: ("Reset my password", links.url(PSCPaths.forgotPassword)))
    }

    public func oneTimePassword(_ id: UUID, to account: PacerAccount, password: String) -> OutgoingMail {
        message(
            id, to: account, subject: "Your PACER account has moved to OpenECF",
            paragraphs: [
                "Your PACER account \(account.username) was brought over from the earlier system. Sign in with this one-time password: \(password)",
                "You will be asked to choose your own password, and, because your account was issued before August 11, 2014, to upgrade it before you can e-file in NextGen courts.",
            ],
            link: ("Sign in to PACER", links.url(PSCPaths.signIn)))
    }

    public func registrationHeld(_ id: UUID, to account: PacerAccount) -> OutgoingMail {
        message(
            id, to: account, subject: "Your PACER registration is held for review",
            paragraphs: [
                "An account already exists for a person with your name and date of birth. Each person may have only one PACER account, so the PACER Service Center will review this registration before it can be used.",
                "If you already have an account, use “Forgot username” or “Forgot password” to get back into it.",
            ])
    }
}

/// Minimal escaping for text placed in pages, mail bodies and feeds.
public enum HTML {
    /// Text for HTML or XML: `&`, `<`, `>` and both quotes escaped. Byte by byte (each is one
    /// byte in UTF-8), and text with none of them is returned as it is: a docket report escapes
    /// every entry's text, a notice to 500 counsel every name 500 times.
    public static func escape(_ text: String) -> String {
        let bytes = text.utf8
        // Looked for in the string's own storage where it has one (a native string always does):
        // the view's iterator was half of the escaping's time in a docket report's profile.
        let special = { (byte: UInt8) in byte == 38 || byte == 60 || byte == 62 || byte == 34 || byte == 39 }
        guard bytes.withContiguousStorageIfAvailable({ $0.contains(where: special) }) ?? bytes.contains(where: special)
        else {
            return text
        }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(bytes.count + 32)
        for byte in bytes {
            switch byte {
            case 38: escaped += "&amp;".utf8
            case 60: escaped += "&lt;".utf8
            case 62: escaped += "&gt;".utf8
            case 34: escaped += "&quot;".utf8
            case 39: escaped += "&#39;".utf8
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }
}
