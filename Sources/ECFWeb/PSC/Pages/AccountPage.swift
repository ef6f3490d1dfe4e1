import ECFDomain
import Foundation

/// `/pacer/account`: Manage My Account.
struct AccountPage: Page {
    static let template = "pacer-account"

    struct Row: Sendable {
        let label: String
        let value: String
    }

    let title = "Manage my account"
    let nav: NavBar
    let rows: [Row]
    let isLegacy: Bool
    let statusLabel: String

    init(context: AppRequestContext, account: PacerAccount) {
        nav = NavBar(context)
        isLegacy = account.isLegacy
        let dateStyle = Date.FormatStyle(
            date: .long, time: .omitted, locale: Locale(identifier: "en_US"),
            timeZone: TimeZone(identifier: "America/Chicago")!)
        statusLabel =
            account.isLegacy
            ? "Legacy account: upgrade needed to e-file in NextGen courts"
            : "Upgraded: ready for NextGen courts"
        var rows = [
            Row(label: "Name", value: account.fullName),
            Row(label: "Username", value: account.username.rawValue),
            Row(
                label: "E-mail address",
                value: account.email.address + (account.emailVerifiedAt == nil ? " (not verified)" : "")),
            Row(label: "User type", value: account.userType?.label ?? "Not given yet"),
        ]
        if let address = account.address {
            rows.append(
                Row(
                    label: "Mailing address",
                    value:
                        "\(address.street), \(address.city), \(address.state) \(address.postalCode) (\(address.county) County)"
                ))
        }
        rows.append(Row(label: "Account created", value: account.createdAt.formatted(dateStyle)))
        rows.append(
            Row(
                label: "Account status",
                value: account.isLegacy
                    ? "Legacy"
                    : "Upgraded"
                        + (account.upgradedAt.map { " on \($0.formatted(dateStyle))" }
                            ?? " (registered after August 2014)")))
        rows.append(Row(label: "Two-step verification", value: "Not set up"))
        rows.append(Row(label: "Courts where you can e-file", value: "None yet"))
        self.rows = rows
    }
}
