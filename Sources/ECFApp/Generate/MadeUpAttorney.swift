import ECFDomain
import Foundation

extension CourtAccount {
    /// A made-up attorney of generated data: no password (the account could sign in only once
    /// linked), an address at example.org named after the login, admitted in New York.
    static func madeUpAttorney(
        id: CourtAccountID, court: CourtID, login: String, firstName: String, lastName: String, barNumber: Int
    ) -> CourtAccount {
        CourtAccount(
            id: id, court: court, login: CourtLogin(login)!, passwordHash: nil, role: .attorney,
            firstName: firstName, lastName: lastName, email: EmailAddress("\(login)@example.org")!,
            barNumber: "\(barNumber)", barState: "NY", createdAt: Date(timeIntervalSince1970: 1_577_836_800))
    }
}
