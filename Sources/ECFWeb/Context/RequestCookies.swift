import Hummingbird

/// A request's cookies by name, read once from its `Cookie` headers as Hummingbird's `Cookies`
/// reads them: `name=value` pairs between semicolons, space before a name dropped, the value
/// everything after the first `=`; the first cookie of a name counts, and one without a name or a
/// value is none. Hummingbird splits the headers by characters and reads a cookie's attributes
/// again at each lookup, which was 2.3% of a docket report's CPU (BENCHMARKS.md P1); this reads
/// the bytes once.
public struct RequestCookies: Sendable {
    private var values: [String: String] = [:]

    public init(_ request: Request) {
        self.init(headers: request.headers[values: .cookie])
    }

    init(headers: [String]) {
        for header in headers {
            for pair in header.utf8.split(separator: UInt8(ascii: ";")) {
                let cookie = pair.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
                guard let equals = cookie.firstIndex(of: UInt8(ascii: "=")), equals > cookie.startIndex else {
                    continue
                }
                let name = String(Substring(cookie[..<equals]))
                if values[name] == nil {
                    values[name] = String(Substring(cookie[cookie.index(after: equals)...]))
                }
            }
        }
    }

    /// The value of the first cookie named `name`, unless it is empty.
    public subscript(_ name: String) -> String? { values[name].flatMap { $0.isEmpty ? nil : $0 } }
}
