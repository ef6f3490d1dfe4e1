import ECFDomain
import ECFPersistence
import ECFServices
import Foundation
import Testing

/// The revision that lets a listing keep the courts' plans (`CourtPlansCache`), on each database.
@Suite("The courts' plans revision")
struct CourtPlansRevisionTests {
    @Test(arguments: TestStorage.available)
    func everyChangeRaisesItAndTheLongestLeaseHolds(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let registry = SQLCourtRegistryStore(database: try await databases.psc())
        #expect(try await registry.plansRevision() == PlansRevision(revision: 0, changingUntil: nil))
        let later = Date(timeIntervalSince1970: 1_800_000_060)
        try await registry.planChanging(until: later)
        #expect(try await registry.plansRevision() == PlansRevision(revision: 1, changingUntil: later))
        // A second change whose lease ends sooner leaves the longer one in place.
        try await registry.planChanging(until: later.addingTimeInterval(-30))
        #expect(try await registry.plansRevision() == PlansRevision(revision: 2, changingUntil: later))
        try await registry.planChanged()
        try await registry.planChanged()
        #expect(try await registry.plansRevision() == PlansRevision(revision: 4, changingUntil: later))
        try await registry.planChanging(until: later.addingTimeInterval(60))
        #expect(try await registry.plansRevision().changingUntil == later.addingTimeInterval(60))
        await databases.shutdown()
    }

    /// A court request reads its court's enabling and the plans' revision in one statement.
    @Test(arguments: TestStorage.available)
    func anEnabledCourtIsReadWithTheRevision(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let registry = SQLCourtRegistryStore(database: try await databases.psc())
        let cacd = try #require(FederalCourts.court(CourtID("cacd")))
        let enabledAt = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(try await registry.enable(cacd, at: enabledAt))
        let until = enabledAt.addingTimeInterval(60)
        try await registry.planChanging(until: until)
        let read = try #require(try await registry.enabledCourtAndPlans(CourtID("cacd")))
        #expect(read.court.court == cacd && read.court.enabledAt == enabledAt)
        #expect(read.plans == PlansRevision(revision: 1, changingUntil: until))
        #expect(try await registry.enabledCourtAndPlans(CourtID("nysd")) == nil, "a court not enabled here")
        await databases.shutdown()
    }
}
