import Foundation
import Hummingbird

extension AppRequestContext {
    /// The id in the path parameter `name`, a UUID; a malformed one is answered like an unknown
    /// one, with `unknown` (404 in words of the thing looked for).
    func uuid(_ name: String = "id", unknown: @autoclosure () -> any Error) throws -> UUID {
        guard let id = UUID(uuidString: try parameters.require(name)) else { throw unknown() }
        return id
    }
}
