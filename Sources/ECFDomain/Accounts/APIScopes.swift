/// What a personal API token may do on its owner's behalf.
///
/// Source: OpenECF issue 8 — scopes `read`, `file` and `clerk`. Every token reads (searches,
/// dockets, documents, with the owner's fees and access); `file` adds e-filing where the owner may
/// e-file; `clerk` adds the clerk's office's actions where the owner is a clerk. A token never adds
/// a right its owner lacks.
public struct APIScopes: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let read = APIScopes(rawValue: 1 << 0)
    public static let file = APIScopes(rawValue: 1 << 1)
    public static let clerk = APIScopes(rawValue: 1 << 2)
    /// What a signed-in person (not a token) may do.
    public static let all: APIScopes = [.read, .file, .clerk]

    static let named: [(name: String, scope: APIScopes)] = [("read", .read), ("file", .file), ("clerk", .clerk)]
    public static let names = named.map(\.name)

    /// The scopes' stable names, in a fixed order (`read`, `file`, `clerk`).
    public var names: [String] { Self.named.filter { contains($0.scope) }.map(\.name) }

    /// The scopes named (each name once or more); nil when a name is unknown. `read` is always included.
    public init?(names: some Sequence<String>) {
        var scopes: APIScopes = .read
        for name in names {
            guard let scope = Self.named.first(where: { $0.name == name })?.scope else { return nil }
            scopes.insert(scope)
        }
        self = scopes
    }

    /// Source: issue 8 — "MFA is required to create a `file` or `clerk` token": a token that can
    /// change a court's record must come from an account that signs in with two steps.
    public var needsTwoStepSignIn: Bool { !isDisjoint(with: [.file, .clerk]) }
}
