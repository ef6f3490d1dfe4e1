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

    func contains(column: String) -> Bool { columns.offset(of: column) != nil }

    func decodeNil(column: String) throws -> Bool { value(column) == .null }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let offset = columns.offset(of: column) else { throw SQLiteReadRowError.missingColumn(column) }
        let data = values[offset]
        guard let (kind, optional) = Self.common[ObjectIdentifier(type)] else {
            return try Self.decoder.decode(D.self, from: data)
        }
        // Converted into memory of `D`'s own (on the stack), which is the common type or its
        // optional, instead of through a generic enum of `D`, a `T?` and a cast to `D`, each of
        // which looked its type's metadata up at every call (some lookups remain: 1.2% of a
        // docket report's CPU).
        return try withUnsafeTemporaryAllocation(of: D.self, capacity: 1) { buffer in
            let pointer = buffer.baseAddress!
            if Self.convert(data, kind, optional: optional, to: UnsafeMutableRawPointer(pointer)) {
                return pointer.move()
            }
            // Not convertible: the decoder says why.
            return try Self.decoder.decode(D.self, from: data)
        }
    }

    private func value(_ column: String) -> SQLiteData { columns.offset(of: column).map { values[$0] } ?? .null }

    private static let decoder = SQLiteDataDecoder()

    /// The common types, and whether each is the optional of it, by their type's identity: one
    /// lookup, where comparing the type with each in turn and casting the value (`as!`) were
    /// 2% of a docket report's CPU (BENCHMARKS.md P1).
    private enum Common {
        case string, int, int64, bool, date, uuid
    }
    private static let common: [ObjectIdentifier: (kind: Common, optional: Bool)] = {
        var common: [ObjectIdentifier: (kind: Common, optional: Bool)] = [:]
        func add<T>(_ type: T.Type, _ kind: Common) {
            common[ObjectIdentifier(type)] = (kind, false)
            common[ObjectIdentifier(T?.self)] = (kind, true)
        }
        add(String.self, .string)
        add(Int.self, .int)
        add(Int64.self, .int64)
        add(Bool.self, .bool)
        add(Date.self, .date)
        add(UUID.self, .uuid)
        return common
    }()

    /// Writes `data` as the common type `kind` (its optional when `optional`, nil for NULL) at
    /// `pointer`, converted as `SQLiteDataDecoder` would; false, writing nothing, when it cannot be.
    private static func convert(
        _ data: SQLiteData, _ kind: Common, optional: Bool, to pointer: UnsafeMutableRawPointer
    ) -> Bool {
        switch kind {
        case .string: put(String(sqliteData: data), data, optional: optional, at: pointer)
        case .int: put(Int(sqliteData: data), data, optional: optional, at: pointer)
        case .int64: put(Int64(sqliteData: data), data, optional: optional, at: pointer)
        case .bool: put(Bool(sqliteData: data), data, optional: optional, at: pointer)
        case .date: put(Date(sqliteData: data), data, optional: optional, at: pointer)
        case .uuid: put(uuid(data), data, optional: optional, at: pointer)
        }
    }

    /// Inlined into each case above, where `T` is a known type.
    @inline(__always)
    private static func put<T>(_ value: T?, _ data: SQLiteData, optional: Bool, at pointer: UnsafeMutableRawPointer)
        -> Bool
    {
        if optional, case .null = data {
            pointer.initializeMemory(as: T?.self, repeating: nil, count: 1)
            return true
        }
        guard let value else { return false }
        if optional {
            pointer.initializeMemory(as: T?.self, repeating: value, count: 1)
        } else {
            pointer.initializeMemory(as: T.self, repeating: value, count: 1)
        }
        return true
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
