import ECFDomain
import ECFPersistence

/// The one line a failed command prints.
enum FailureText {
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as UnknownCourtError: error.description
        case let error as PersistenceError: error.description
        case let error as any CustomStringConvertible: error.description
        default: String(describing: error)
        }
    }
}
