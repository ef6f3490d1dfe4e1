import ECFDomain
import Foundation
import SQLKit

/// An `outbox_shared_bodies` row, read and written with SQLKit.
enum SharedMailBodyRow {
    static let table = "outbox_shared_bodies"

    /// Stores `body` (inside the caller's transaction, if any).
    static func insert(_ body: SharedMailBody, on database: any SQLDatabase) async throws {
        try await database.insert(into: table)
            .columns("id", "text_head", "text_tail", "html_head", "html_tail")
            .values(
                SQLBind(body.id.rawValue), SQLBind(body.textHead), SQLBind(body.textTail), SQLBind(body.htmlHead),
                SQLBind(body.htmlTail)
            )
            .run()
    }

    /// The bodies of `ids` that are stored, by id.
    static func bodies(_ ids: Set<SharedMailBodyID>, on database: any SQLDatabase) async throws
        -> [SharedMailBodyID: SharedMailBody]
    {
        var found: [SharedMailBodyID: SharedMailBody] = [:]
        for slice in Array(ids).slices(of: 500) {
            let rows = try await database.select().column("*").from(table)
                .where("id", .in, slice.map(\.rawValue))
                .all()
            for row in rows {
                let body = SharedMailBody(
                    id: SharedMailBodyID(try row.decode(column: "id", as: UUID.self)),
                    textHead: try row.decode(column: "text_head", as: String.self),
                    textTail: try row.decode(column: "text_tail", as: String.self),
                    htmlHead: try row.decode(column: "html_head", as: String?.self),
                    htmlTail: try row.decode(column: "html_tail", as: String?.self))
                found[body.id] = body
            }
        }
        return found
    }
}
