extension EmailAddress {
    /// The form in which two addresses of one mailbox compare equal: lower case, with any
    /// `+tag` dropped from the local part (`jane+pacer@example.org` is `jane@example.org`).
    ///
    /// Source: the one-person-one-account rule of PACER registration — a second account for the
    /// same mailbox is refused, however the address is dressed.
    public var canonical: String {
        let lower = address.lowercased()
        guard let at = lower.lastIndex(of: "@") else { return lower }
        var local = lower[..<at]
        if let plus = local.firstIndex(of: "+") { local = local[..<plus] }
        return String(local) + lower[at...]
    }
}
