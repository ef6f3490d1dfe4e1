import Mustache
import Synchronization

/// A view model whose templates read its stored properties by name, answered as swift-mustache
/// answers through `Mirror` (the property of that name; an optional's value, or nothing, so that
/// the template looks further out) but reading only the property asked for. `Mirror`'s lookup
/// reads every property of the value for each name a template looks up, and each read resolves
/// the property's type from its mangled name: a third of a court's home page's time went there
/// (BENCHMARKS.md P4). A type that answers by a `child(named:)` of its own keeps it.
public protocol TemplateFields: MustacheParent {}

extension TemplateFields {
    public func child(named name: String) -> Any? { TemplateFieldOffsets.child(named: name, of: self) }
}

/// Where each property of a view model's type is among its `Mirror`'s children, found once a type.
enum TemplateFieldOffsets {
    private static let offsets = Mutex<[ObjectIdentifier: [String: Int]]>([:])

    static func child(named name: String, of value: some Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        let type = ObjectIdentifier(Swift.type(of: value))
        let byName = offsets.withLock { $0[type] } ?? index(mirror, of: type)
        guard let offset = byName[name] else { return nil }
        let children = mirror.children
        return unwrapped(children[children.index(children.startIndex, offsetBy: offset)].value)
    }

    /// Each label's first child, as `Mirror`'s lookup takes the first.
    private static func index(_ mirror: Mirror, of type: ObjectIdentifier) -> [String: Int] {
        var byName: [String: Int] = [:]
        for (offset, child) in mirror.children.enumerated() {
            if let label = child.label, byName[label] == nil { byName[label] = offset }
        }
        offsets.withLock { $0[type] = byName }
        return byName
    }

    /// An optional's value, nil for an empty one; anything else as it is.
    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
