import ECFDomain
import Foundation
import SQLKit
import Testing

@testable import ECFPersistence

/// A court's judges are read on every docket report: by the role index, not by a walk of every
/// account of the court.
@Suite("A court's accounts by role")
struct CourtAccountRoleIndexTests {
    @Test func theJudgesAreFoundByTheRoleIndex() async throws {
        let databases = TestStorage.sqlite.open(try TestStorage.sqlite.makeLocation())
        let sql = try await databases.sql(.court(CourtID("nysd")))
        struct Step: Decodable { let detail: String }
        // The statement `SQLCourtStore.accounts(roles:)` sends for one role.
        let plan = try await sql.raw(
            "EXPLAIN QUERY PLAN SELECT * FROM court_accounts WHERE role IN ('judge') ORDER BY login_canonical"
        ).all(decoding: Step.self).map(\.detail)
        #expect(plan.contains { $0.contains("SEARCH") && $0.contains("court_accounts_role") }, "\(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "already in login order: \(plan)")
        await databases.shutdown()
    }
}
