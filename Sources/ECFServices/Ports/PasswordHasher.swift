/// Hashes and checks passwords (bcrypt in the server; cheap fakes in tests).
public protocol PasswordHasher: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, against hash: String) async -> Bool
}
