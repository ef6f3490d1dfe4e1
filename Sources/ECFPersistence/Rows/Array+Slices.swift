extension Array {
    /// The array in consecutive slices of at most `size` elements, the last one shorter when they
    /// do not divide evenly; none for an empty array. A statement's parameters are bounded, so
    /// long lists of rows or ids are written and read a slice at a time.
    func slices(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
