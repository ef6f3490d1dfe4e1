extension Array {
    /// The array in consecutive slices of at most `size` elements, the last one shorter when they
    /// do not divide evenly; none for an empty array. A statement's parameters are bounded, so
    /// long lists of rows or ids are written and read a slice at a time.
    func slices(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

extension Collection {
    /// The elements, with the last repeated until their count is a power of two, when they are at
    /// most `limit`: an `IN` of three ids is written as the statement of four, so a reader keeps
    /// one statement for each of 1, 2, 4 and 8 values instead of one for each count (under the
    /// mixed load a court's reader ran eight shapes of the attorneys' accounts by id, and prepared
    /// them again and again, BENCHMARKS.md P4). A longer list is left as it is; so is an empty one.
    func paddedToPowerOfTwo(atMost limit: Int) -> [Element] {
        var padded = Array(self)
        guard let last = padded.last, padded.count <= limit else { return padded }
        var size = 1
        while size < padded.count { size *= 2 }
        padded.append(contentsOf: repeatElement(last, count: size - padded.count))
        return padded
    }
}
