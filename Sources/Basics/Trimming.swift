extension StringProtocol {
    /// The text without white space (spaces, tabs, line breaks, any Unicode white space) at
    /// either end. Looks only at the ends, unlike Foundation's `trimmingCharacters(in:)`,
    /// which copies the whole string through `NSString`.
    public func trimmed() -> String {
        let scalars = unicodeScalars
        // Most text starts and ends with a visible ASCII character: nothing to trim.
        if let first = scalars.first?.value, let last = scalars.last?.value, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return String(self)
        }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
