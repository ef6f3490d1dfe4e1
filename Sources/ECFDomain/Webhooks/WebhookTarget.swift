import Foundation

/// Where a webhook may deliver.
///
/// Source: issue 8 — "delivery targets on private/loopback addresses are refused unless the
/// operator allows them"; OWASP's SSRF prevention cheat sheet: a server that fetches URLs given
/// by its users must not reach its own network (loopback, private ranges, link-local cloud
/// metadata addresses) and must not follow redirects there.
public enum WebhookTarget {
    public enum Problem: Error, Equatable, Sendable {
        case notAURL
        case notHTTPS
        case credentialsInURL
        case privateAddress
        case tooLong
    }

    /// Checks a URL as given: https (http too when private targets are allowed, for tests), a host,
    /// no user name or password, and no host that is plainly private (a literal private address
    /// or a local name). Names are resolved again at each delivery.
    public static func check(_ text: String, allowPrivate: Bool) -> Result<URL, Problem> {
        guard text.count <= WebhookPolicy.maximumURLLength else { return .failure(.tooLong) }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty, let url = components.url
        else { return .failure(.notAURL) }
        guard scheme == "https" || (scheme == "http" && allowPrivate) else {
            return .failure(scheme == "http" ? .notHTTPS : .notAURL)
        }
        if components.user != nil || components.password != nil { return .failure(.credentialsInURL) }
        if !allowPrivate && isPrivateName(host) { return .failure(.privateAddress) }
        return .success(url)
    }

    /// A name that can only mean this machine or its network, or a literal private address.
    public static func isPrivateName(_ host: String) -> Bool {
        let name = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]."))
        if name == "localhost" || name.hasSuffix(".localhost") || name.hasSuffix(".local")
            || name.hasSuffix(".internal") || !name.contains(".") && !name.contains(":")
        {
            return true
        }
        if let bytes = ipv4(name) { return isPrivate(bytes) }
        if name.contains(":"), let bytes = ipv6(name) { return isPrivate(bytes) }
        return false
    }

    /// Whether an address (4 or 16 bytes) is loopback, private, link-local, shared, multicast or unspecified.
    public static func isPrivate(_ bytes: [UInt8]) -> Bool {
        if bytes.count == 16 {
            if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
                return isPrivate(Array(bytes[12..<16]))  // IPv4-mapped
            }
            if bytes[0..<15].allSatisfy({ $0 == 0 }) { return true }  // :: and ::1
            if bytes[0] & 0xFE == 0xFC { return true }  // fc00::/7 unique local
            if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80 { return true }  // fe80::/10 link-local
            if bytes[0] == 0xFF { return true }  // multicast
            return false
        }
        guard bytes.count == 4 else { return true }
        switch (bytes[0], bytes[1]) {
        case (0, _), (10, _), (127, _): return true
        case (100, 64...127): return true  // shared address space (RFC 6598)
        case (169, 254): return true  // link-local, cloud metadata
        case (172, 16...31): return true
        case (192, 168): return true
        case (192, 0) where bytes[2] == 0: return true
        case (198, 18...19): return true  // benchmarking
        default: return bytes[0] >= 224  // multicast and reserved
        }
    }

    static func ipv4(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let bytes = parts.compactMap { UInt8($0) }
        return bytes.count == 4 ? bytes : nil
    }

    static func ipv6(_ text: String) -> [UInt8]? {
        var address = in6_addr()
        guard inet_pton(AF_INET6, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }
}
