/// What the persistence layer reports in words an operator can act on.
public enum PersistenceError: Error, CustomStringConvertible {
    case corruptRow(table: String, detail: String)
    case unreachable(String)
    case notWritable(String)
    case courtNotEnabled(String)
    /// The process is shutting down and its databases are closed.
    case closed

    public var description: String {
        switch self {
        case .corruptRow(let table, let detail): "a row of \(table) cannot be read (\(detail))"
        case .unreachable(let detail): detail
        case .notWritable(let detail): detail
        case .courtNotEnabled(let id): "the court \(id) is not enabled on this server"
        case .closed: "the databases are closed (the server is shutting down)"
        }
    }
}
