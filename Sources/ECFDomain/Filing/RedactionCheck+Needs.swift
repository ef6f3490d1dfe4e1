extension RedactionCheck {
    /// What a page holds that the patterns need, found in one pass over its text: a pattern whose
    /// needs the page does not meet cannot match there, and is not run (the patterns were a sixth
    /// of a filing's own time, each run over the whole page).
    struct PageNeeds {
        /// Decimal digits of any script (the patterns' `\d` is Unicode's Nd), and the longest run.
        private(set) var digits = 0
        private(set) var longestRun = 0
        /// The page's ASCII letters lowercased, other characters as a zero byte: where the labels
        /// the patterns look for (`ssn`, `born`, `account`…) are sought.
        private var lowered: [UInt8] = []
        /// A letter outside ASCII, which case-insensitive matching may fold into a label's letters
        /// (`ſ` into `s`, `ß` into `ss`): labels are then taken as present.
        private var foldable = false

        init(_ text: String) {
            lowered.reserveCapacity(text.utf8.count)
            var run = 0
            for scalar in text.unicodeScalars {
                let isDigit: Bool
                if scalar.isASCII {
                    let byte = UInt8(scalar.value)
                    isDigit = byte >= 0x30 && byte <= 0x39
                    lowered.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                } else {
                    isDigit = scalar.properties.generalCategory == .decimalNumber
                    if scalar.properties.isAlphabetic { foldable = true }
                    lowered.append(0)
                }
                if isDigit {
                    digits += 1
                    run += 1
                    longestRun = max(longestRun, run)
                } else {
                    run = 0
                }
            }
        }

        /// Whether one of `labels` (lowercase ASCII) may be on the page.
        func mayHold(_ labels: [String]) -> Bool {
            foldable
                || lowered.withUnsafeBufferPointer { page in
                    labels.contains { ByteSearch.offset(of: Array($0.utf8), in: page) != nil }
                }
        }
    }

    /// Each pattern's needs, from its text above: the digits it cannot match without, and the
    /// labels it begins with.
    static func mayMatch(_ pattern: PatternName, _ page: PageNeeds) -> Bool {
        switch pattern {
        // ddd-dd-dddd: nine digits, the last four a run of their own.
        case .ssn: page.digits >= 9 && page.longestRun >= 4
        case .labelledSSN: page.longestRun >= 9 && page.mayHold(["ssn", "social security"])
        // dd-ddddddd
        case .tin: page.longestRun >= 7
        // The shortest date is d/d/dd.
        case .birthDate: page.digits >= 4 && page.mayHold(["born", "birth", "dob", "d.ob", "do.b", "d.o.b"])
        case .cardLike: page.digits >= 13
        case .labelledAccount: page.digits >= 2 && page.mayHold(["account", "acct"])
        }
    }

    /// The patterns whose needs `mayMatch` knows (the minors' names have none it checks).
    enum PatternName {
        case ssn, labelledSSN, tin, birthDate, cardLike, labelledAccount
    }
}
