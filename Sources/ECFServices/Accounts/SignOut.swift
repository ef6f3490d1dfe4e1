import ECFDomain

/// Ends a Central Sign-On session: every court refuses its tokens from then on.
public struct SignOut: Sendable {
    let context: AccountsContext

    public init(_ context: AccountsContext) {
        self.context = context
    }

    public func callAsFunction(_ session: SessionID) async throws {
        let now = context.clock.now
        try await context.store.transaction { transaction in
            try await transaction.endSession(session, at: now)
        }
    }
}
