import ECFDomain
import Foundation
import Testing

@Suite("Court phase from the cutover plan and the clock")
struct CutoverPlanTests {
    // C.D. Cal.-style plan: blackout Friday 6:00 pm Pacific through Monday, NextGen from Monday.
    let blackoutStart = try! Date("2026-03-06T18:00:00-08:00", strategy: .iso8601)
    let nextGen = try! Date("2026-03-09T08:00:00-07:00", strategy: .iso8601)

    var plan: CutoverPlan {
        CutoverPlan(nextGenAt: nextGen, blackouts: [.init(start: blackoutStart, end: nextGen)])
    }

    @Test func legacyBeforeTheBlackout() {
        #expect(plan.phase(at: blackoutStart.addingTimeInterval(-1)) == .legacy)
    }

    @Test func blackoutFromItsFirstSecondToItsEnd() {
        #expect(plan.phase(at: blackoutStart) == .blackout)
        #expect(plan.phase(at: nextGen.addingTimeInterval(-1)) == .blackout)
    }

    @Test func nextGenFromTheCutover() {
        #expect(plan.phase(at: nextGen) == .nextGen)
        #expect(plan.phase(at: nextGen.addingTimeInterval(86_400 * 365)) == .nextGen)
    }

    @Test func aLaterMaintenanceWindowIsABlackoutToo() {
        let later = nextGen.addingTimeInterval(86_400 * 30)
        let withMaintenance = CutoverPlan(
            nextGenAt: nextGen, blackouts: plan.blackouts + [.init(start: later, end: later.addingTimeInterval(3600))])
        #expect(withMaintenance.phase(at: later.addingTimeInterval(60)) == .blackout)
        #expect(withMaintenance.phase(at: later.addingTimeInterval(3600)) == .nextGen)
    }

    @Test func aCourtWithoutAPlanIsOnLegacy() {
        #expect(CutoverPlan.none.phase(at: Date()) == .legacy)
    }
}
