import SQLKit

/// How the generator writes the national locator's full-text index on SQLite (FTS5), which holds
/// the words of every court's docket entries (20 million at full scale).
///
/// FTS5 writes each transaction's words as a new segment and, by default, merges segments four at
/// a time as they come (`automerge`), so at full scale every batch went on merging gigabytes of
/// older segments: four fifths of the generator's time was FTS5 deleting merged segments' pages,
/// read back one by one. While the generator writes, segments are merged only when 64 wait at a
/// level (`crisismerge`); when it is done, the whole index is merged into one segment, a bounded
/// number of pages a transaction, and FTS5's defaults are set again. The index must not be left
/// with dozens of segments a level: with the defaults back, the server's next write into it would
/// merge them all in that one transaction (seen: the PSC's connection held for minutes).
///
/// These settings are kept in the index (its configuration table); a generator stopped part way
/// leaves them, and the next run's end merges and sets them back. PostgreSQL's GIN index has no
/// segments: nothing to do there.
extension BulkDocketWriter {
    /// Segments waiting at a level before FTS5 merges them while the generator writes.
    static let bulkCrisisMerge = 64
    /// Pages of the index merged a transaction when the generator is done (64 MiB, the log the
    /// generator lets grow between two copies into the file).
    static let mergePages = 16_384

    /// FTS5's own settings, which the server writes with.
    static let serverAutomerge = 4
    static let serverCrisisMerge = 16

    static func deferLocatorMerges(on sql: any SQLDatabase) async throws {
        try await setLocatorIndex(automerge: 0, crisisMerge: bulkCrisisMerge, on: sql)
    }

    /// Merges the locator's index into one segment, `mergePages` pages a transaction, until a
    /// step finds nothing left to merge (it changes no row but its own command's), then gives the
    /// index FTS5's settings back.
    static func mergeLocatorIndex(on sql: any SQLDatabase) async throws {
        guard !EntryTextIndex.isPostgres(sql) else { return }
        let table = EntryTextIndex.locator.table
        struct Changes: Decodable { let value: Int }
        func totalChanges() async throws -> Int {
            try await sql.raw("SELECT total_changes() AS value").first(decoding: Changes.self)?.value ?? 0
        }
        while true {
            let before = try await totalChanges()
            try await sql.raw(
                "INSERT INTO \(ident: table) (\(ident: table), rank) VALUES ('merge', \(bind: -mergePages))"
            ).run()
            if try await totalChanges() - before < 2 { break }
        }
        try await setLocatorIndex(automerge: serverAutomerge, crisisMerge: serverCrisisMerge, on: sql)
    }

    private static func setLocatorIndex(automerge: Int, crisisMerge: Int, on sql: any SQLDatabase) async throws {
        guard !EntryTextIndex.isPostgres(sql) else { return }
        let table = EntryTextIndex.locator.table
        for (name, value) in [("automerge", automerge), ("crisismerge", crisisMerge)] {
            try await sql.raw(
                "INSERT INTO \(ident: table) (\(ident: table), rank) VALUES (\(bind: name), \(bind: value))"
            )
            .run()
        }
    }
}
