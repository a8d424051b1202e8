/// The file format of completed assessments and preparations, declared once. The reader, the
/// writer (`AssessmentFile`), the spreadsheet template and import and the browser form (which
/// gets `AssessmentFormat.description` as JSON in its page) all take their keys and words from
/// here.
///
/// ```markdown
/// ---
/// praktijk: Housing First Voorbeeldstad
/// datum: 2025-03-14
/// ...
/// ---
/// ## P1.05 Verspreid wonen          <- one section per scored indicator
///
/// **Kleurscore:** in ontwikkeling
///
/// ### Reflectie
/// ...
/// ### Acties
/// ...
///
/// ## Plan van aanpak
///
/// ### Escalatieladder opstellen     <- one action
///
/// - **Wie:** ...
/// - **Wanneer:** ...
/// - **Doel:** ...
/// - **Indicatoren:** P1.09, P1.10
/// ```
///
/// The texts under `### Reflectie` and `### Acties` are Markdown in which every line break is
/// kept as a line break on the page (as typed in the browser form or a spreadsheet cell); the
/// site's reader applies that rule (`MarkdownDocument.applyAssessmentTextRules`).
public enum AssessmentFormat {
    /// The front matter keys.
    public enum Key: String, CaseIterable, Sendable {
        case practice = "praktijk"
        case region = "regio"
        case date = "datum"
        case kader = "kader"
        case organisations = "organisaties"
        case facilitator = "gespreksleider"
        case visibility = "zichtbaarheid"
        case code = "code"
        /// `voorbereiding:`, `namens:` and `sessie:` mark a participant's preparation file;
        /// `deelnemer:` (optional) names the participant, so that several may prepare for one party.
        case preparation = "voorbereiding"
        case party = "namens"
        case session = "sessie"
        case participant = "deelnemer"
        /// `persoonsgegevens_gecontroleerd: true`: someone checked the file for personal data
        /// (names above all, which no program can find); a public assessment needs it.
        case personalDataChecked = "persoonsgegevens_gecontroleerd"
        /// `voorbeeld: true`: a fictional practice, for demonstration; its page says so.
        case example = "voorbeeld"
        /// `publicatie: samenvatting`: the page shows the counts, the aandachtspunten and the
        /// plan's actions by their titles, without any reflection or action text.
        case publication = "publicatie"
    }

    /// What a result page shows (`publicatie:`).
    public enum Publication: String, CaseIterable, Sendable {
        /// Everything (the default).
        case full = "volledig"
        /// Counts per part and the titles of the aandachtspunten and of the plan's actions.
        case summary = "samenvatting"
    }

    /// The most characters `deelnemer:` may hold (a name or role, shown in a column heading).
    public static let participantMaximumLength = 100

    /// The fewest characters of a `code:` (lower-case letters and digits).
    public static let codeMinimumLength = 10

    /// The keys of one item of `organisaties:`.
    public static let organisationName = "naam"
    public static let organisationRole = "rol"

    /// The label of an indicator's score line: `**Kleurscore:** op orde`.
    public static let scoreLabel = "Kleurscore"
    /// The `###` headings inside an indicator section.
    public static let reflectionHeading = "Reflectie"
    public static let actionsHeading = "Acties"
    /// The `##` heading of the plan; each action is a `###` heading below it.
    public static let planHeading = "Plan van aanpak"

    /// The labelled items of one action of the plan: `- **Wie:** ...`.
    public enum PlanField: String, CaseIterable, Sendable {
        case who = "Wie"
        case when = "Wanneer"
        case goal = "Doel"
        case indicators = "Indicatoren"
    }

    /// The word a file uses for a status: the kader's own words, in lower case.
    public static func word(for status: Status) -> String { status.kaderName.lowercased() }

    /// The word a file uses for an indicator left open on purpose.
    public static let openWord = "open"

    /// The roles a preparation file may be written on behalf of (`namens:`): the three parties,
    /// an ervaringsdeskundige, a belangenbehartiger, or someone else.
    public static let preparationParties: [Role] = Role.allCases

    /// The visibility a file names (`zichtbaarheid:`), in any case; nil for an unknown word.
    public static func visibility(_ word: String) -> Visibility? {
        Visibility(rawValue: word.lowercased())
    }

    /// The role a file names (`rol:`, `namens:`), in any case; nil for an unknown word.
    public static func role(_ word: String) -> Role? {
        Role(rawValue: word.lowercased())
    }

    /// The words for yes and no of `voorbereiding:`.
    public static let yesWords: Set<String> = ["true", "ja", "yes"]
    public static let noWords: Set<String> = ["false", "nee", "no"]

    /// A yes-or-no value as written, in any case: true, false, or nil for another word.
    public static func yesNo(_ word: String) -> Bool? {
        let word = word.lowercased()
        return yesWords.contains(word) ? true : noWords.contains(word) ? false : nil
    }

    /// Whether a file with this `zichtbaarheid:` (or none) is left out of every list: anything
    /// but `public` is, so that a typo never publishes a page.
    public static func isUnlisted(_ written: String?) -> Bool {
        written.map { visibility($0) != .public } ?? true
    }

    /// The format as data, for the browser form (written into its page as JSON).
    public static var description: Description {
        Description(
            keys: Dictionary(uniqueKeysWithValues: Key.allCases.map { ("\($0)", $0.rawValue) }),
            organisationName: organisationName, organisationRole: organisationRole,
            scoreLabel: scoreLabel, reflectionHeading: reflectionHeading, actionsHeading: actionsHeading,
            planHeading: planHeading,
            planFields: Dictionary(uniqueKeysWithValues: PlanField.allCases.map { ("\($0)", $0.rawValue) }),
            statuses: Status.allCases.map { status in
                Description.StatusWord(key: status.rawValue, word: word(for: status),
                                       words: Status.words.filter { $0.value == status }.keys.sorted())
            },
            openWords: Status.openWords.sorted(), openWord: openWord,
            roles: Role.allCases.map(\.rawValue),
            parties: preparationParties.map(\.rawValue),
            visibilities: Visibility.allCases.map(\.rawValue),
            defaultVisibility: Visibility.unlisted.rawValue,
            participantMaximumLength: participantMaximumLength, codeMinimumLength: codeMinimumLength,
            yesWords: yesWords.sorted(), publicVisibility: Visibility.public.rawValue)
    }

    /// What the browser form needs to read and write the format.
    public struct Description: Sendable, Equatable, Encodable {
        /// One status: its key, the word the form writes and every word a file may use for it.
        /// (The form shows the status in the site's language, from its interface words.)
        public struct StatusWord: Sendable, Equatable, Encodable {
            public var key: String
            public var word: String
            public var words: [String]
        }

        public var keys: [String: String]
        public var organisationName: String
        public var organisationRole: String
        public var scoreLabel: String
        public var reflectionHeading: String
        public var actionsHeading: String
        public var planHeading: String
        public var planFields: [String: String]
        public var statuses: [StatusWord]
        public var openWords: [String]
        public var openWord: String
        /// The words of the choices of a list (role, party, visibility), as the file writes them.
        public var roles: [String]
        public var parties: [String]
        public var visibilities: [String]
        public var defaultVisibility: String
        /// The most characters of `deelnemer:`, and the fewest of `code:`.
        public var participantMaximumLength: Int
        public var codeMinimumLength: Int
        /// The words for yes of the yes-or-no keys (`persoonsgegevens_gecontroleerd:`, `voorbeeld:`).
        public var yesWords: [String]
        /// The visibility of a listed, public assessment, which must be checked for personal data.
        public var publicVisibility: String
    }
}
