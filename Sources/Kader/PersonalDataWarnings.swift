import Diagnostics

/// The warnings about what looks like personal data in an assessment or preparation file
/// (`PersonalData`), at most `limit` of them and then one line that says how many more.
public enum PersonalDataWarnings {
    /// The most warnings one file gets; a file full of numbers gets one more line with the count.
    public static let limit = 20

    /// The warnings for the text of the file `file` (its whole text: front matter and body, so
    /// that lines and columns are the file's).
    public static func warnings(in text: String, file: String) -> [Diagnostic] {
        let (matches, total) = PersonalData.scan(text, limit: limit + 1)
        var warnings = matches.prefix(limit).map { match in
            Diagnostic.warning("this looks like \(match.kind.description); \(fix(match.kind))",
                               file: file, line: match.line, column: match.column)
        }
        if total > limit, let next = matches.last {
            warnings.append(.warning("\(total - limit) more things in this file from here on look like personal data, which are not listed one by one; check the whole file for e-mail addresses, phone numbers, BSNs and addresses",
                                     file: file, line: next.line, column: next.column))
        }
        return warnings
    }

    /// How to fix a match, or say that it is no personal data.
    static func fix(_ kind: PersonalData.Kind) -> String {
        let what = switch kind {
        case .email, .phone: "remove it (a self-evaluation needs no contact details), or write a role instead of a name, such as `de teamleider`"
        case .bsn: "remove it: a self-evaluation never needs a BSN"
        case .address: "remove it, or write the town or neighbourhood instead of the address"
        }
        return what + "; if it is not personal data, leave it: check the whole file and say so with `\(AssessmentFormat.Key.personalDataChecked.rawValue): true` (this warning stays, as a reminder)"
    }
}
