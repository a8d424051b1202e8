/// Finds what looks like personal data in plain text: e-mail addresses, Dutch phone numbers,
/// BSN-like numbers (nine digits that pass the 11-test) and Dutch postcodes with a house
/// number. Pure functions over text, scanned byte by byte in one pass (linear in the text, also
/// for megabytes of digits); names cannot be found this way, which is why a public
/// self-evaluation needs `persoonsgegevens_gecontroleerd: true` (`AssessmentFormat`).
public enum PersonalData {
    /// What a match looks like.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case email, phone, bsn, address

        /// The words of a warning: "this looks like ...".
        public var description: String {
            switch self {
            case .email: "an e-mail address"
            case .phone: "a Dutch phone number"
            case .bsn: "a citizen service number (BSN: nine digits that pass the 11-test)"
            case .address: "an address (a postcode with a house number)"
            }
        }
    }

    /// One match: its kind, its UTF-8 byte range in the text, and its 1-based line and column
    /// (the column counted in Unicode scalars from the start of the line).
    public struct Match: Sendable, Equatable {
        public var kind: Kind
        public var range: Range<Int>
        public var line: Int
        public var column: Int
        public var text: String
    }

    /// The matches in `text`, in order and without overlap: at most `limit` of them, and the
    /// number of all matches (so that a caller can say how many more there are).
    public static func scan(_ text: String, limit: Int = .max) -> (matches: [Match], total: Int) {
        var text = text
        return text.withUTF8 { bytes in
            var scanner = Scanner(bytes: bytes)
            var found: [(Kind, Range<Int>)] = []
            var total = 0
            scanner.run { kind, range in
                total += 1
                if found.count < limit { found.append((kind, range)) }
            }
            return (locate(found, in: bytes), total)
        }
    }

    /// The line and column of each match, counted in one walk up to the last one.
    private static func locate(_ found: [(Kind, Range<Int>)], in bytes: UnsafeBufferPointer<UInt8>) -> [Match] {
        var matches: [Match] = []
        var line = 1, column = 1, position = 0
        for (kind, range) in found {
            while position < range.lowerBound {
                let byte = bytes[position]
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                position += 1
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            matches.append(Match(kind: kind, range: range, line: line, column: column, text: text))
        }
        return matches
    }
}

/// The byte scanner behind `PersonalData.scan`.
private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    /// End of the last match: no match starts (or extends back) before it.
    var floor = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The longest local part of an address and the longest domain looked at.
    static let maximumLocal = 64
    static let maximumDomain = 255
    /// More digits in a run than any pattern needs: the rest of the run is not read.
    static let maximumRun = 16

    func byte(_ index: Int) -> UInt8? { index >= 0 && index < bytes.count ? bytes[index] : nil }
    static func isDigit(_ byte: UInt8?) -> Bool { byte.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
    static func isUpper(_ byte: UInt8?) -> Bool { byte.map { $0 >= 0x41 && $0 <= 0x5A } ?? false }
    static func isLower(_ byte: UInt8?) -> Bool { byte.map { $0 >= 0x61 && $0 <= 0x7A } ?? false }
    static func isLetter(_ byte: UInt8?) -> Bool { isUpper(byte) || isLower(byte) }
    static func isAlphanumeric(_ byte: UInt8?) -> Bool { isLetter(byte) || isDigit(byte) }

    /// Whether a number may start at `index`: not inside a word, a number, an ID (`P1.05`), a
    /// code, a decimal (`0,4`), a date or an address.
    func startsNumber(_ index: Int) -> Bool {
        guard let previous = byte(index - 1) else { return true }
        return !Self.isAlphanumeric(previous) && !".,-/:_+@#=&%\\".utf8.contains(previous)
    }

    /// Whether a number may end before `index`: no digit or letter follows, and no sign that
    /// joins it to more digits (`10:00`, `2,5`, `12-3`) or makes it part of an address (`@`).
    func endsNumber(_ index: Int) -> Bool {
        guard let next = byte(index) else { return true }
        if Self.isAlphanumeric(next) || next == 0x40 || next == 0x25 { return false }
        if ".,:-/".utf8.contains(next) { return !Self.isDigit(byte(index + 1)) }
        return true
    }

    mutating func run(_ report: (PersonalData.Kind, Range<Int>) -> Void) {
        var index = 0
        while index < bytes.count {
            let current = bytes[index]
            var match: (PersonalData.Kind, Range<Int>)?
            if current == 0x40 {
                match = email(at: index).map { (.email, $0) }
            } else if (Self.isDigit(current) || current == 0x2B) && startsNumber(index) {
                if let range = phone(at: index) {
                    match = (.phone, range)
                } else if let range = bsn(at: index) {
                    match = (.bsn, range)
                } else if let range = address(at: index) {
                    match = (.address, range)
                }
            }
            if let match {
                report(match.0, match.1)
                floor = match.1.upperBound
                index = match.1.upperBound
            } else {
                index += 1
            }
        }
    }

    // MARK: e-mail

    static func isLocal(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || "._%+-".utf8.contains(byte)
    }

    static func isDomain(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte == 0x2D || byte == 0x2E }

    /// `name@domain.tld` around the `@` at `at`: a local part, and a domain with a dot and a
    /// top-level part of two or more letters.
    func email(at: Int) -> Range<Int>? {
        var start = at
        while start > floor, at - start < Self.maximumLocal, let previous = byte(start - 1), Self.isLocal(previous) { start -= 1 }
        while start < at, !Self.isAlphanumeric(bytes[start]) { start += 1 }
        guard start < at else { return nil }
        var end = at + 1
        while end < bytes.count, end - at <= Self.maximumDomain, Self.isDomain(bytes[end]) { end += 1 }
        while end > at + 1, !Self.isAlphanumeric(bytes[end - 1]) { end -= 1 }
        // The top-level part: letters after the last dot.
        var dot = end
        while dot > at + 1, bytes[dot - 1] != 0x2E { dot -= 1 }
        guard dot > at + 2, end - dot >= 2, (dot..<end).allSatisfy({ Self.isLetter(bytes[$0]) }) else { return nil }
        return start..<end
    }

    // MARK: numbers

    /// What `digits(from:separators:enough:)` read: the digits' count, the first two, the
    /// 11-test's sum of the first nine, the groups and the hyphens between them, and the end.
    /// (Counts instead of arrays: the scanner tries every number of a text, millions of them.)
    struct DigitRun {
        var count = 0
        var first: UInt8?
        var second: UInt8?
        var elevenSum = 0
        var groups = 0
        /// Every group has two to four digits.
        var shortGroups = true
        var hyphens = 0
        var end = 0
    }

    /// The digit groups from `start` on: runs of digits with one separator of `separators`
    /// between them, until `enough` digits are read or the groups end; a run longer than
    /// `maximumRun` ends the reading.
    func digits(from start: Int, separators: [UInt8], enough: Int) -> DigitRun {
        var run = DigitRun()
        var index = start
        while run.count < enough {
            var length = 0
            while let next = byte(index), Self.isDigit(next) {
                let value = Int(next) - 0x30
                if run.count == 0 { run.first = next } else if run.count == 1 { run.second = next }
                if run.count < 8 { run.elevenSum += value * (9 - run.count) } else if run.count == 8 { run.elevenSum -= value }
                run.count += 1
                length += 1
                index += 1
                if length > Self.maximumRun { break }
            }
            guard length > 0 else { break }
            run.groups += 1
            run.end = index
            if !(2...4).contains(length) { run.shortGroups = false }
            guard length <= Self.maximumRun, run.count < enough, let separator = byte(index), separators.contains(separator),
                  Self.isDigit(byte(index + 1)) else { break }
            if separator == 0x2D { run.hyphens += 1 }
            index += 1
        }
        return run
    }

    /// A Dutch phone number: ten digits starting with `0` and a digit other than `0`
    /// (`06-12345678`, `020-1234567`, `010 123 4567`), or `+31`/`0031` and nine digits
    /// (`+31 6 12345678`, `+31 (0)20 1234567`); spaces and at most one hyphen between groups.
    func phone(at start: Int) -> Range<Int>? {
        var index = start
        var international = false
        if bytes[index] == 0x2B {
            guard byte(index + 1) == 0x33, byte(index + 2) == 0x31 else { return nil }
            index += 3
            international = true
        } else if byte(index) == 0x30, byte(index + 1) == 0x30, byte(index + 2) == 0x33, byte(index + 3) == 0x31 {
            index += 4
            international = true
        } else if byte(index) != 0x30 || byte(index + 1) == 0x30 {
            return nil
        }
        var hyphens = 0
        if international {
            // `+31 6`, `+316`, `+31-6`, `+31 (0)6`.
            if byte(index) == 0x20 || byte(index) == 0x2D {
                if byte(index) == 0x2D { hyphens += 1 }
                index += 1
            }
            if byte(index) == 0x28, byte(index + 1) == 0x30, byte(index + 2) == 0x29 {
                index += 3
                if byte(index) == 0x20 { index += 1 }
            }
            guard Self.isDigit(byte(index)), byte(index) != 0x30 else { return nil }
        }
        let needed = international ? 9 : 10
        let run = digits(from: index, separators: [0x20, 0x2D], enough: needed)
        guard run.count == needed, run.second != 0x30 || international, run.hyphens + hyphens <= 1, endsNumber(run.end) else { return nil }
        return start..<run.end
    }

    /// Nine digits, alone or in groups of two to four with one kind of separator (a dot or a
    /// space: `123456782`, `1234.56.782`, `123 456 782`), that pass the 11-test.
    func bsn(at start: Int) -> Range<Int>? {
        for separator: UInt8 in [0x2E, 0x20] {
            let run = digits(from: start, separators: [separator], enough: 9)
            guard run.count == 9, run.groups == 1 || run.shortGroups, endsNumber(run.end) else { continue }
            if run.elevenSum != 0, run.elevenSum % 11 == 0 { return start..<run.end }
        }
        return nil
    }

    /// A postcode (four digits, the first not `0`, an optional space and two capitals) with a
    /// house number: after it (`1234 AB 5`, `1234AB 12a`) or before it with a street
    /// (`Dorpsstraat 12, 1234 AB`).
    func address(at start: Int) -> Range<Int>? {
        guard let postcodeEnd = postcode(at: start) else { return nil }
        // The house number after it.
        var index = postcodeEnd
        if byte(index) == 0x2C { index += 1 }
        if byte(index) == 0x20 {
            index += 1
            var digits = 0
            while Self.isDigit(byte(index)), digits < 6 { index += 1; digits += 1 }
            if (1...5).contains(digits), !Self.isDigit(byte(index)) {
                if Self.isLetter(byte(index)), !Self.isAlphanumeric(byte(index + 1)) { index += 1 }
                if !Self.isAlphanumeric(byte(index)) { return start..<index }
            }
        }
        // A street and a house number before it: `Dorpsstraat 12, 1234 AB` or `... 12 1234 AB`.
        guard Self.isAlphanumeric(byte(postcodeEnd)) == false else { return nil }
        var back = start
        if byte(back - 1) == 0x20 { back -= 1 }
        if byte(back - 1) == 0x2C { back -= 1 }
        guard back < start else { return nil }
        if Self.isLetter(byte(back - 1)) { back -= 1 }
        var digits = 0
        while back > floor, Self.isDigit(byte(back - 1)), digits < 6 { back -= 1; digits += 1 }
        guard (1...5).contains(digits), byte(back - 1) == 0x20 else { return nil }
        back -= 1
        var letters = 0
        while back > floor, letters < 40, let previous = byte(back - 1), Self.isLetter(previous) || previous >= 0x80 { back -= 1; letters += 1 }
        guard letters >= 2, back >= floor, Self.isUpper(byte(back)) || (byte(back) ?? 0) >= 0x80 else { return nil }
        if let previous = byte(back - 1), Self.isAlphanumeric(previous) { return nil }
        return back..<postcodeEnd
    }

    /// The end of a postcode at `start`, or nil.
    func postcode(at start: Int) -> Int? {
        var index = start
        for position in 0..<4 {
            guard let digit = byte(index), Self.isDigit(digit), position > 0 || digit != 0x30 else { return nil }
            index += 1
        }
        if byte(index) == 0x20 { index += 1 }
        guard Self.isUpper(byte(index)), Self.isUpper(byte(index + 1)), !Self.isAlphanumeric(byte(index + 2)) else { return nil }
        return index + 2
    }
}
