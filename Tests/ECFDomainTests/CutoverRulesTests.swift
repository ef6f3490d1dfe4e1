import ECFDomain
import Foundation
import Testing

@Suite("Cutover plans: what may be planned, and how it is said")
struct CutoverRulesTests {
    let pacific = TimeZone(identifier: "America/Los_Angeles")!
    let before = try! Date("2020-02-01T12:00:00Z", strategy: .iso8601)

    func at(_ text: String) -> Date { CourtLocalTime.parse(text, in: pacific)! }

    var notice: CutoverPlan {
        CutoverPlan(
            nextGenAt: at("2020-02-18T00:00"),
            blackouts: [.init(start: at("2020-02-14T18:00"), end: at("2020-02-18T00:00"))])
    }

    @Test func courtTimesAreReadInTheCourtsZoneToTheMinuteOrSecond() throws {
        #expect(at("2020-02-14T18:00") == (try Date("2020-02-15T02:00:00Z", strategy: .iso8601)))
        #expect(at("2020-02-14T18:00:30") == (try Date("2020-02-15T02:00:30Z", strategy: .iso8601)))
        #expect(
            CourtLocalTime.parse("2020-02-14T18:00:00-05:00", in: pacific)
                == (try Date("2020-02-14T23:00:00Z", strategy: .iso8601)))
        for bad in ["2020-02-30T10:00", "2020-02-14 18:00", "2020-02-14T25:00", "tomorrow", "2020-03-08T02:30"] {
            #expect(CourtLocalTime.parse(bad, in: pacific) == nil, "\(bad)")
        }
    }

    @Test func theNoticeSaysTheWindowAsTheCourtDoes() {
        #expect(
            notice.blackouts[0].sentence(in: pacific, now: before)
                == "CM/ECF will be unavailable from Friday, February 14, 2020 at 6:00 PM PST through Monday, February 17."
        )
        #expect(
            notice.sentences(in: pacific, now: before).last
                == "The court moves to NextGen CM/ECF on Tuesday, February 18, 2020 at 12:00 AM PST.")
        let during = at("2020-02-15T09:00")
        #expect(notice.blackouts[0].sentence(in: pacific, now: during).hasPrefix("CM/ECF is unavailable from"))
    }

    @Test func aGoodPlanIsAccepted() {
        #expect(notice.refusal(at: before, replacing: .none) == nil)
    }

    @Test func plansInThePastOverlappingOrEndingAfterTheCutoverAreRefused() {
        let past = CutoverPlan(nextGenAt: at("2020-01-01T00:00"))
        #expect(past.refusal(at: before, replacing: .none) == .cutoverInPast)
        #expect(CutoverPlan(nextGenAt: nil).refusal(at: before, replacing: .none) == .noCutoverDate)
        let overlapping = CutoverPlan(
            nextGenAt: at("2020-02-18T00:00"),
            blackouts: [
                .init(start: at("2020-02-14T18:00"), end: at("2020-02-16T00:00")),
                .init(start: at("2020-02-15T18:00"), end: at("2020-02-17T00:00")),
            ])
        #expect(overlapping.refusal(at: before, replacing: .none) == .windowsOverlap(1, 2))
        let late = CutoverPlan(
            nextGenAt: at("2020-02-18T00:00"),
            blackouts: [.init(start: at("2020-02-17T18:00"), end: at("2020-02-18T06:00"))])
        #expect(late.refusal(at: before, replacing: .none) == .windowAfterCutover(1))
        let backwards = CutoverPlan(
            nextGenAt: at("2020-02-18T00:00"),
            blackouts: [.init(start: at("2020-02-16T00:00"), end: at("2020-02-15T00:00"))])
        #expect(backwards.refusal(at: before, replacing: .none) == .windowBackwards(1))
        #expect(late.refusal(at: before, replacing: .none)?.description.contains("after the cutover") == true)
    }

    @Test func aPlanCanBeMovedUntilItHappensButNotAfter() {
        let moved = CutoverPlan(nextGenAt: at("2020-03-02T00:00"))
        #expect(moved.refusal(at: at("2020-02-17T12:00"), replacing: notice) == nil)
        #expect(
            moved.refusal(at: at("2020-02-18T00:00"), replacing: notice) == .alreadyHappened(at("2020-02-18T00:00")))
    }
}

@Suite("Linking and e-filing rules")
struct LinkingRulesTests {
    let plan = CutoverPlan(nextGenAt: Date(timeIntervalSince1970: 1_000_000))

    func profile(upgraded: Bool = true, active: Bool = true) -> PacerProfile {
        PacerProfile(
            accountID: AccountID(UUID()), username: "avery", firstName: "Avery", lastName: "Attorney",
            email: EmailAddress("avery@example.org")!, individual: true, upgraded: upgraded, active: active,
            userType: .attorney)
    }

    func account(role: CourtRole = .attorney, linked: Bool = false, status: CourtAccount.Status = .active)
        -> CourtAccount
    {
        CourtAccount(
            id: CourtAccountID(UUID()), court: CourtID("cacd"), login: CourtLogin("avery")!,
            passwordHash: linked ? nil : "$2b$…", role: role, firstName: "Avery", lastName: "Attorney",
            email: EmailAddress("avery@example.org")!, status: status, createdAt: Date(timeIntervalSince1970: 0),
            linkedAccount: linked ? AccountID(UUID()) : nil)
    }

    @Test func linkingWaitsForTheCutoverAndAnUpgradedAccount() {
        #expect(
            LinkRules.refusal(phase: .legacy, plan: plan, profile: profile(), alreadyLinkedInCourt: false)
                == .courtNotNextGen(nextGenAt: plan.nextGenAt))
        #expect(
            LinkRules.refusal(phase: .blackout, plan: plan, profile: profile(), alreadyLinkedInCourt: false)
                == .courtUnavailable)
        #expect(
            LinkRules.refusal(
                phase: .nextGen, plan: plan, profile: profile(upgraded: false), alreadyLinkedInCourt: false)
                == .pacerAccountNotUpgraded)
        #expect(
            LinkRules.refusal(phase: .nextGen, plan: plan, profile: profile(active: false), alreadyLinkedInCourt: false)
                == .pacerAccountNotActive)
        #expect(
            LinkRules.refusal(phase: .nextGen, plan: plan, profile: profile(), alreadyLinkedInCourt: true)
                == .alreadyLinked)
        #expect(LinkRules.refusal(phase: .nextGen, plan: plan, profile: profile(), alreadyLinkedInCourt: false) == nil)
        #expect(LinkRules.refusal(courtAccount: account(linked: true)) == .alreadyLinked)
        #expect(LinkRules.refusal(courtAccount: account(status: .disabled)) == .courtAccountDisabled)
    }

    @Test func whoMayEFileInEachPhase() {
        let attorney = account()
        #expect(EFilingAccess.decide(phase: .legacy, identity: .legacyLogin(attorney)) == .success(attorney))
        #expect(EFilingAccess.decide(phase: .blackout, identity: .legacyLogin(attorney)) == .failure(.courtUnavailable))
        #expect(
            EFilingAccess.decide(phase: .nextGen, identity: .legacyLogin(attorney)) == .failure(.legacyLoginRetired))
        #expect(EFilingAccess.decide(phase: .nextGen, identity: .pacer(profile(), linked: nil)) == .failure(.notLinked))
        let linked = account(linked: true)
        #expect(EFilingAccess.decide(phase: .nextGen, identity: .pacer(profile(), linked: linked)) == .success(linked))
        let media = account(role: .mediaEService, linked: true)
        #expect(
            EFilingAccess.decide(phase: .nextGen, identity: .pacer(profile(), linked: media))
                == .failure(.roleMayNotFile(.mediaEService)))
        #expect(EFilingAccess.decide(phase: .nextGen, identity: .nobody) == .failure(.notSignedIn))
        #expect(attorney.legacyPasswordWorks && !linked.legacyPasswordWorks)
    }

    @Test func readinessNamesTheNextStep() {
        let zone = TimeZone(identifier: "America/Los_Angeles")!
        let legacyUser = Readiness(
            phase: .legacy, plan: plan, zone: zone, profile: profile(upgraded: false), linked: nil,
            courtLoginOnFile: true)
        #expect(!legacyUser.upgraded && !legacyUser.linked && !legacyUser.canEFile)
        #expect(legacyUser.steps.map(\.done) == [true, false, true, false, false])
        #expect(legacyUser.steps[3].how?.contains("Linking opens when the court moves to NextGen on") == true)
        let ready = Readiness(
            phase: .nextGen, plan: plan, zone: zone, profile: profile(), linked: account(linked: true),
            courtLoginOnFile: false)
        #expect(ready.canEFile && ready.steps.allSatisfy(\.done))
    }

    @Test func courtAccountFormsListEveryProblem() {
        let bad = CourtAccountForm(
            login: "a", role: "paralegal", firstName: "", lastName: "Doe", email: "nope",
            secondaryEmails: "x@example.org; not-an-address")
        guard case .failure(let problems) = bad.validate() else {
            Issue.record("a bad form was accepted")
            return
        }
        #expect(Set(problems.byField.keys) == ["login", "role", "firstName", "email", "secondaryEmails"])
        let attorney = CourtAccountForm(
            login: "jdoe", role: "attorney", firstName: "Jane", lastName: "Doe", email: "jane@example.org")
        guard case .failure(let barProblems) = attorney.validate() else {
            Issue.record("an attorney without a bar number was accepted")
            return
        }
        #expect(Set(barProblems.byField.keys) == ["barNumber", "barState"])
        let six = CourtAccountForm(
            login: "jdoe", role: "proSeFiler", firstName: "Jane", lastName: "Doe", email: "jane@example.org",
            secondaryEmails: (1...6).map { "j\($0)@example.org" }.joined(separator: ";"))
        guard case .failure(let tooMany) = six.validate() else {
            Issue.record("six secondary addresses were accepted")
            return
        }
        #expect(tooMany["secondaryEmails"]?.contains("at most 5") == true)
    }
}
