import ECFDomain
import ECFServices
import Foundation
import Hummingbird

struct LegacySessionRequest: Decodable {
    let login: String
    let password: String
}

struct LegacySessionDTO: Encodable {
    let token: String
    let expiresAt: Date
    let login: String
    let role: String
    let mustChangePassword: Bool
}

struct CourtPasswordResetRequest: Decodable {
    let loginOrEmail: String
}

struct CourtLoginReminderRequest: Decodable {
    let email: String
}

struct CourtPasswordChangeRequest: Decodable {
    let currentPassword: String?
    let newPassword: String?
}

struct LinkRequest: Decodable {
    let login: String
    let password: String
}

struct ReasonRequest: Decodable {
    let reason: String?
}

struct CourtAccountRequest: Decodable {
    let login: String?
    let role: String?
    let firstName: String?
    let lastName: String?
    let email: String?
    let secondaryEmails: [String]?
    let barNumber: String?
    let barState: String?

    var form: CourtAccountForm {
        CourtAccountForm(
            login: login ?? "", role: role ?? "", firstName: firstName ?? "", lastName: lastName ?? "",
            email: email ?? "", secondaryEmails: (secondaryEmails ?? []).joined(separator: ";"),
            barNumber: barNumber ?? "", barState: barState ?? "")
    }
}

/// A court account as the API shows it (never its password).
struct CourtAccountDTO: Encodable {
    let id: String
    let court: String
    let login: String
    let role: String
    let firstName: String
    let lastName: String
    let email: String
    let secondaryEmails: [String]
    let barNumber: String?
    let barState: String?
    let status: String
    let linked: Bool
    let linkedAt: Date?

    init(_ account: CourtAccount) {
        id = account.id.description
        court = account.court.rawValue
        login = account.login.rawValue
        role = account.role.rawValue
        firstName = account.firstName
        lastName = account.lastName
        email = account.email.address
        secondaryEmails = account.secondaryEmails.map(\.address)
        barNumber = account.barNumber
        barState = account.barState
        status = account.status.rawValue
        linked = account.isLinked
        linkedAt = account.linkedAt
    }
}

struct ImportReportDTO: Encodable {
    struct Rejected: Encodable {
        let line: Int
        let problem: String
    }

    let imported: [String]
    let rejected: [Rejected]

    init(_ report: ImportCourtAccounts.Report) {
        imported = report.imported
        rejected = report.rejected.map { Rejected(line: $0.line, problem: $0.problem) }
    }
}

struct CutoverRequest: Decodable {
    struct Window: Decodable {
        let from: String
        let to: String
    }

    let nextGenAt: String?
    let blackout: [Window]?

    var request: PlanCutover.Request {
        PlanCutover.Request(nextGenAt: nextGenAt ?? "", blackouts: (blackout ?? []).map { ($0.from, $0.to) })
    }
}

struct ReadinessDTO: Encodable {
    struct Step: Encodable {
        let step: String
        let title: String
        let done: Bool
        let how: String?
        let url: String?
    }

    let individual: Bool
    let upgraded: Bool
    let linked: Bool
    let canEFile: Bool
    let phase: String
    let nextSteps: [Step]

    init(_ readiness: Readiness, court: CourtID) {
        individual = readiness.individual
        upgraded = readiness.upgraded
        linked = readiness.linked
        canEFile = readiness.canEFile
        phase = readiness.phase.rawValue
        nextSteps = readiness.steps.map {
            Step(
                step: $0.id.rawValue, title: $0.title, done: $0.done, how: $0.how,
                url: $0.done ? nil : ReadinessLinks.path($0.id, court: court, phase: readiness.phase))
        }
    }
}

/// Where each readiness step is done.
enum ReadinessLinks {
    static func path(_ step: Readiness.StepID, court: CourtID, phase: CourtPhase) -> String? {
        switch step {
        case .individualAccount: "/pacer/register"
        case .upgradedAccount: PSCPaths.account
        case .courtLogin: phase == .legacy ? CourtPaths.forgotPassword(court) : CourtPaths.forgotLogin(court)
        case .linked: phase == .nextGen ? CourtPaths.link(court) : nil
        case .eFile: phase == .nextGen ? CourtPaths.eFileRegistration(court) : nil
        }
    }
}

struct ReadinessSummaryDTO: Encodable {
    struct Count: Encodable {
        let registered: Int
        let linked: Int
    }

    struct Person: Encodable {
        let id: String
        let login: String
        let name: String
        let role: String
        let email: String
    }

    let registered: Int
    let linked: Int
    let notLinked: Int
    let byRole: [String: Count]
    /// The accounts not yet linked, a page at a time by login (the counts are the court's).
    let notLinkedAccounts: [Person]
    let nextCursor: String?

    init(_ summary: CourtReadiness.Summary, request: Request) throws {
        registered = summary.registered
        linked = summary.linked
        notLinked = summary.notLinked.count
        byRole = Dictionary(
            uniqueKeysWithValues: summary.byRole.map {
                ($0.key.rawValue, Count(registered: $0.value.registered, linked: $0.value.linked))
            })
        let page = try ListPage(summary.notLinked, key: \.login.rawValue, request: request)
        nextCursor = page.nextCursor
        notLinkedAccounts = page.items.map {
            Person(
                id: $0.id.description, login: $0.login.rawValue, name: $0.fullName, role: $0.role.rawValue,
                email: $0.email.address)
        }
    }
}

struct EFileRegistrationRequest: Decodable {
    let court: String?
    let role: String?
    let barNumber: String?
    let barState: String?
}

struct EFileRegistrationDTO: Encodable {
    let id: String
    let court: String
    let pacerUsername: String
    let name: String
    let email: String
    let role: String
    let barNumber: String?
    let barState: String?
    let requestedAt: Date
    let status: String
    let decidedAt: Date?
    let reason: String?

    init(_ registration: EFileRegistration, court: CourtID) {
        id = registration.id.uuidString.lowercased()
        self.court = court.rawValue
        pacerUsername = registration.username
        name = registration.fullName
        email = registration.email.address
        role = registration.role.rawValue
        barNumber = registration.barNumber
        barState = registration.barState
        requestedAt = registration.requestedAt
        status = registration.status.rawValue
        decidedAt = registration.decidedAt
        reason = registration.reason
    }
}

struct EFileAccessDTO: Encodable {
    let canEFile: Bool
    let login: String
    let role: String
}

struct CountDTO: Encodable {
    let sent: Int
}

/// `GET /api/v1/courts/{court}/accounts` (clerk): a page of the court's accounts, by login.
struct CourtAccountListDTO: Encodable {
    let accounts: [CourtAccountDTO]
    let nextCursor: String?
}

/// `GET /api/v1/courts/{court}/efile-registrations` (clerk): a page of the queue, oldest first.
struct EFileRegistrationListDTO: Encodable {
    let registrations: [EFileRegistrationDTO]
    let nextCursor: String?
}
