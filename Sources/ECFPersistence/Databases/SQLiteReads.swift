import Foundation
import Logging
import NIOCore
import SQLKit
import SQLiteKit
import SQLiteNIO

/// A SQLite file's reader as SQLKit's `SQLDatabase`, so a store's reads are written as they are
/// for the writer's connection (`ECFDatabases.reads`).
/// Binds are converted and columns decoded as SQLiteKit does (`SQLiteDataEncoder`,
/// `SQLiteDataDecoder`), with the common types (text, integers, booleans, dates, UUIDs and their
/// optionals) converted directly instead of through `Codable`'s containers.
struct SQLiteReads: SQLDatabase {
    let reader: SQLiteReader
    let logger: Logger
    let eventLoop: any EventLoop
    var dialect: any SQLDialect { SQLiteDialect() }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        -> EventLoopFuture<Void>
    {
        eventLoop.makeFutureWithTask { try await execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (sql, binds) = serialize(query)
        let data = try binds.map(Self.data)
        let answer = try reader.rows(sql, data)
        for values in answer.values { onRow(SQLiteReadRow(columns: answer.columns, values: values)) }
    }

    private static let encoder = SQLiteDataEncoder()

    static func data(_ bind: any Encodable & Sendable) throws -> SQLiteData {
        switch bind {
        case let value as String: .text(value)
        case let value as Int: .integer(value)
        case let value as Int64: .integer(Int(value))
        case let value as UUID: .text(value.uuidString)  // as UUID's `Codable` encoding gives it
        default: try encoder.encode(bind)
        }
    }
}

/// A row a reader read, as SQLKit's `SQLRow`.
struct SQLiteReadRow: SQLRow {
    let columns: SQLiteReadColumns
    let values: [SQLiteData]

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.offsets[column] != nil }

    func decodeNil(column: String) throws -> Bool { value(column) == .null }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let offset = columns.offsets[column] else { throw SQLiteReadRowError.missingColumn(column) }
        let data = values[offset]
        if case .decided(let value) = Self.direct(data, as: type) { return value }
        return try Self.decoder.decode(D.self, from: data)
    }

    private func value(_ column: String) -> SQLiteData { columns.offsets[column].map { values[$0] } ?? .null }

    private static let decoder = SQLiteDataDecoder()

    private enum Direct<D> {
        case decided(D)
        /// Not one of the common types, or not convertible: the decoder decides, and says why.
        case undecided
    }

    /// `data` as `D` where `D` is one of the common types, converted as `SQLiteDataDecoder` would.
    private static func direct<D>(_ data: SQLiteData, as type: D.Type) -> Direct<D> {
        if type == String.self { return decided(String(sqliteData: data)) }
        if type == Int.self { return decided(Int(sqliteData: data)) }
        if type == Int64.self { return decided(Int64(sqliteData: data)) }
        if type == Bool.self { return decided(Bool(sqliteData: data)) }
        if type == Date.self { return decided(Date(sqliteData: data)) }
        if type == UUID.self { return decided(uuid(data)) }
        guard
            type == String?.self || type == Int?.self || type == Int64?.self || type == Bool?.self
                || type == Date?.self || type == UUID?.self
        else { return .undecided }
        if data == .null { return .decided(Optional<Never>.none as! D) }
        if type == String?.self { return decided(String(sqliteData: data).map(Optional.some)) }
        if type == Int?.self { return decided(Int(sqliteData: data).map(Optional.some)) }
        if type == Int64?.self { return decided(Int64(sqliteData: data).map(Optional.some)) }
        if type == Bool?.self { return decided(Bool(sqliteData: data).map(Optional.some)) }
        if type == Date?.self { return decided(Date(sqliteData: data).map(Optional.some)) }
        return decided(uuid(data).map(Optional.some))
    }

    private static func decided<T, D>(_ value: T?) -> Direct<D> {
        guard let value else { return .undecided }
        return .decided(value as! D)
    }

    /// A UUID as SQLiteKit writes it: its text.
    private static func uuid(_ data: SQLiteData) -> UUID? {
        guard case .text(let text) = data else { return nil }
        return UUID(uuidString: text)
    }
}

enum SQLiteReadRowError: Error, CustomStringConvertible {
    case missingColumn(String)
    var description: String {
        switch self {
        case .missingColumn(let name): "no column named \(name) in the row"
        }
    }
}
