extension StringProtocol {
    /// The text without white space (spaces, tabs, line breaks, any Unicode white space) at
    /// either end. Looks only at the ends, unlike Foundation's `trimmingCharacters(in:)`,
    /// which copies the whole string through `NSString`.
    public func trimmed() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
