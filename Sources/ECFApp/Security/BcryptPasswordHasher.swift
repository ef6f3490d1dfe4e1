import ECFServices
import HummingbirdBcrypt
import NIOPosix

/// bcrypt (hummingbird-auth), run on NIO's thread pool: a hash takes tens of milliseconds and
/// must not hold up an event loop.
public struct BcryptPasswordHasher: PasswordHasher {
    let cost: UInt8
    let threadPool: NIOThreadPool

    /// Cost 12 in the server; tests may lower it to keep fast.
    public init(cost: UInt8 = 12, threadPool: NIOThreadPool = .singleton) {
        self.cost = cost
        self.threadPool = threadPool
    }

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await threadPool.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, against hash: String) async -> Bool {
        (try? await threadPool.runIfActive { Bcrypt.verify(password, hash: hash) }) ?? false
    }
}
