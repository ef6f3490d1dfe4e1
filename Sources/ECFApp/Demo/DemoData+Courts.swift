import ECFDomain
import ECFServices
import Foundation

/// The cutover story in the demo: `cacd` on legacy CM/ECF with its cutover a few days ahead,
/// `nysd` already on NextGen (its clerk and a reporter linked), `cacb` inside its blackout window,
/// `nysb` (a bankruptcy court) on NextGen with its clerk linked; court logins that match the demo
/// PACER accounts (one links at once, one must upgrade PACER first); in `nysd` also a pro se filer
/// and two judges, among whom new cases are assigned; in `nysb` a bankruptcy judge.
extension DemoData {
    public static let clerkUsername = "demo-clerk"
    public static let clerkPassword = "clerks keep the docket true"
    public static let courtAttorneyLogin = "avery-attorney"
    public static let courtAttorneyPassword = "harbor lights of the ninth circuit"
    public static let courtLegacyLogin = "lee-jordan"
    public static let courtLegacyPassword = "old maple desk by the window"

    struct Login {
        let court: String
        let login: String
        let role: CourtRole
        let first: String
        let last: String
        let email: String
        let password: String
        var bar: (String, String)? = nil
        var secondaries = ""
    }

    static let logins: [Login] = [
        Login(
            court: "cacd", login: courtAttorneyLogin, role: .attorney, first: "Avery", last: "Attorney",
            email: "avery.attorney@example.org", password: courtAttorneyPassword, bar: ("123456", "CA")),
        Login(
            court: "cacd", login: courtLegacyLogin, role: .attorney, first: "Lee", last: "Jordan",
            email: "lee.jordan@example.org", password: courtLegacyPassword, bar: ("654321", "CA")),
        Login(
            court: "cacd", login: "cacd-clerk", role: .clerk, first: "Casey", last: "Morales",
            email: "casey.clerk@example.org", password: clerkPassword),
        Login(
            court: "nysd", login: courtAttorneyLogin, role: .attorney, first: "Avery", last: "Attorney",
            email: "avery.attorney@example.org", password: courtAttorneyPassword, bar: ("123456", "CA"),
            secondaries: "avery.docketing@example.org; avery.paralegal@example.org"),
        Login(
            court: "nysd", login: courtLegacyLogin, role: .attorney, first: "Lee", last: "Jordan",
            email: "lee.jordan@example.org", password: courtLegacyPassword, bar: ("654321", "CA")),
        Login(
            court: "nysd", login: "morgan-media", role: .mediaEService, first: "Morgan", last: "Media",
            email: "morgan.media@example.org", password: "ink and paper every single day"),
        Login(
            court: "nysd", login: "pat-doe", role: .proSeFiler, first: "Pat", last: "Doe",
            email: "pat.doe@example.org", password: "my own case in my own words"),
        Login(
            court: "nysd", login: "judge-ellis", role: .judge, first: "Harriet", last: "Ellis",
            email: "chambers.ellis@example.org", password: "justice delayed is justice denied"),
        Login(
            court: "nysd", login: "judge-webb", role: .judge, first: "Marcus", last: "Webb",
            email: "chambers.webb@example.org", password: "justice delayed is justice denied"),
        Login(
            court: "nysd", login: "nysd-clerk", role: .clerk, first: "Casey", last: "Morales",
            email: "casey.clerk@example.org", password: clerkPassword),
        Login(
            court: "cacb", login: courtAttorneyLogin, role: .attorney, first: "Avery", last: "Attorney",
            email: "avery.attorney@example.org", password: courtAttorneyPassword, bar: ("123456", "CA")),
        Login(
            court: "nysb", login: courtAttorneyLogin, role: .attorney, first: "Avery", last: "Attorney",
            email: "avery.attorney@example.org", password: courtAttorneyPassword, bar: ("123456", "CA")),
        Login(
            court: "nysb", login: "judge-chen", role: .judge, first: "Grace", last: "Chen",
            email: "chambers.chen@example.org", password: "justice delayed is justice denied"),
        Login(
            court: "nysb", login: "nysb-clerk", role: .clerk, first: "Casey", last: "Morales",
            email: "casey.clerk@example.org", password: clerkPassword),
    ]

    static func seedCourts(_ context: CourtContext, accounts: any AccountStore) async throws {
        let create = CreateCourtAccount(context)
        for login in logins {
            let form = CourtAccountForm(
                login: login.login, role: login.role.rawValue, firstName: login.first, lastName: login.last,
                email: login.email, secondaryEmails: login.secondaries, barNumber: login.bar?.0 ?? "",
                barState: login.bar?.1 ?? "")
            _ = try await create(court: login.court, form: form, password: .chosen(login.password), by: .operatorCLI)
        }
        let now = context.clock.now
        let day: TimeInterval = 86400
        // cacd: NextGen five days ahead, the court dark from two days before.
        let cacdZone = TimeZone(identifier: "America/Los_Angeles")!
        let cacdNextGen = startOfDay(now.addingTimeInterval(5 * day), in: cacdZone)
        _ = try await PlanCutover(context)(
            court: "cacd",
            .init(
                nextGenAt: CourtLocalTime.typed(cacdNextGen, in: cacdZone),
                blackouts: [
                    (
                        CourtLocalTime.typed(cacdNextGen.addingTimeInterval(-3 * day - 6 * 3600), in: cacdZone),
                        CourtLocalTime.typed(cacdNextGen, in: cacdZone)
                    )
                ]), by: .operatorCLI)
        // cacb: inside its blackout now, NextGen in three days.
        let cacbNextGen = now.addingTimeInterval(3 * day)
        _ = try await PlanCutover(context)(
            court: "cacb",
            .init(
                nextGenAt: cacbNextGen.formatted(.iso8601),
                blackouts: [(now.addingTimeInterval(-3600).formatted(.iso8601), cacbNextGen.formatted(.iso8601))]),
            by: .operatorCLI)
        // nysd and nysb: moved to NextGen a month ago; their notices went out then, and their clerk
        // (and in nysd a reporter) linked.
        let nextGen = now.addingTimeInterval(-30 * day)
        let clerk = try await accounts.account(username: Username(clerkUsername)!)
        let press = try await accounts.account(username: Username(pressUsername)!)
        for (court, links) in [
            ("nysd", [(clerk, "nysd-clerk"), (press, "morgan-media")]), ("nysb", [(clerk, "nysb-clerk")]),
        ] {
            try await moveToNextGen(court, at: nextGen, linking: links, context: context, now: now)
        }
    }

    static func moveToNextGen(
        _ court: String, at nextGen: Date, linking links: [(PacerAccount?, String)], context: CourtContext, now: Date
    ) async throws {
        let store = try await context.stores.store(CourtID(court))
        // A plan saved past `PlanCutover`'s checks (its date is in the past) still tells the court
        // listings (`CourtPlansCache`), as `PlanCutover` does.
        try await context.registry.changingPlan(at: now) {
            try await store.transaction { transaction in
                try await transaction.save(CutoverPlan(nextGenAt: nextGen), at: now)
                _ = try await transaction.markCutoverNoticed(nextGenAt: nextGen, at: now)
                for (pacer, courtLogin) in links {
                    if let pacer, var login = try await transaction.account(login: CourtLogin(courtLogin)!) {
                        login.linkedAccount = pacer.id
                        login.linkedAt = now
                        login.passwordHash = nil
                        try await transaction.update(login)
                    }
                }
            }
        }
    }

    static func startOfDay(_ instant: Date, in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.startOfDay(for: instant)
    }
}
