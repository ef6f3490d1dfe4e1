import ECFDomain
import ECFServices
import FluentKit
import Foundation
import SQLKit

/// The national case locator in the PSC's database: each court's cases as last published, with
/// their party-name keys.
public struct SQLCaseLocator: CaseLocator {
    let database: any Database
    var sql: any SQLDatabase { database as! any SQLDatabase }

    public init(database: any Database) {
        self.database = database
    }

    public func search(_ search: CaseSearch) async throws -> CaseSearchPage {
        try await CaseSearchSQL.locator.run(search, seesSealed: false, on: sql)
    }

    /// Replaces the case's row and keys in one transaction.
    public func publish(_ record: LocatorRecord, at instant: Date) async throws {
        try await database.transaction { transaction in
            let sql = transaction as! any SQLDatabase
            let court = record.court.rawValue
            let id = record.caseID.rawValue
            try await sql.delete(from: "locator_keys").where("court", .equal, court).where("case_id", .equal, id).run()
            try await sql.delete(from: "locator_cases").where("court", .equal, court).where("case_id", .equal, id)
                .run()
            try await sql.insert(into: "locator_cases")
                .columns(
                    "court", "case_id", "number", "number_base", "title", "nature_of_suit", "date_filed",
                    "date_terminated", "restriction", "updated_at"
                )
                .values(
                    SQLBind(court), SQLBind(id), SQLBind(record.number), SQLBind(record.numberBase),
                    SQLBind(record.title), SQLBind(record.natureOfSuit), SQLBind(record.dateFiled.description),
                    SQLBind(record.dateTerminated?.description), SQLBind(record.restriction.rawValue),
                    SQLBind(instant)
                ).run()
            for key in Set(record.partyNames.flatMap(PartyNameKeys.keys)) {
                try await sql.insert(into: "locator_keys").columns("court", "case_id", "key")
                    .values(SQLBind(court), SQLBind(id), SQLBind(key)).run()
            }
        }
    }
}
