import Diagnostics

/// Validates an assessment draft against the kader and builds the `Assessment`, reporting
/// every problem at once with its file and line.
public enum AssessmentBuilder {
    public static func build(_ draft: AssessmentDraft, kader: Kader) -> (Assessment?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func error(_ message: String, _ line: Int?) {
            diagnostics.append(.error(message, file: draft.file, line: line ?? 1, column: 1))
        }

        let practice = String((draft.practice?.value ?? "").drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        if practice.isEmpty {
            error("the assessment has no practice name; add `praktijk: Naam van de praktijk` to the front matter", draft.practice?.line)
        }

        var date: SessionDate?
        if let written = draft.date {
            date = SessionDate(written.value)
            if date == nil {
                error("`datum` must be a date written as year-month-day, such as `2025-03-14`; found `\(written.value)`", written.line)
            }
        } else {
            error("the assessment has no date; add `datum: 2025-03-14` (the day of the joint session)", nil)
        }

        let version = draft.kaderVersion?.value ?? kader.version
        var versionMatches = true
        if let written = draft.kaderVersion, written.value != kader.version {
            error("this assessment was made with kader version `\(written.value)`, but this site has version `\(kader.version)`, so its indicator IDs cannot be checked; use `kader: \"\(kader.version)\"` if the IDs are the same", written.line)
            versionMatches = false
        }

        var organisations: [Organisation] = []
        for organisation in draft.organisations {
            if let role = AssessmentFormat.role(organisation.role.value) {
                organisations.append(Organisation(name: organisation.name, role: role))
            } else {
                error(unknownWord("role", organisation.role.value, valid: Role.allCases.map(\.rawValue)), organisation.role.line)
            }
        }

        var visibility: Visibility? = .unlisted
        if let written = draft.visibility {
            visibility = AssessmentFormat.visibility(written.value)
            if visibility == nil {
                error(unknownWord("visibility", written.value, valid: Visibility.allCases.map(\.rawValue)), written.line)
            }
        }
        if let code = draft.code, !isValidCode(code.value) {
            error("`code` must be at least 10 lower-case letters and digits, such as `\(exampleCode)`", code.line)
        } else if visibility == .unlisted, draft.code == nil {
            error("an unlisted assessment needs a `code:` so that its address cannot be guessed; add a line such as `code: \(exampleCode)` (any 10 or more lower-case letters and digits)", draft.practice?.line)
        }

        let personalDataChecked = checkedYesNo(draft.personalDataChecked, key: .personalDataChecked, error: error)
        let isExample = checkedYesNo(draft.example, key: .example, error: error)
        // (A preparation is never public: that is its own error.)
        if visibility == .public, draft.preparation == nil, !personalDataChecked,
           draft.personalDataChecked.map({ AssessmentFormat.yesNo($0.value) != nil }) ?? true {
            error("a public self-evaluation must be checked for personal data first, since everyone can read it: names above all (of participants, colleagues and the people they support; no program can find them), and e-mail addresses, phone numbers, BSNs and addresses; read the whole file, write roles instead of names, and then say so with `\(AssessmentFormat.Key.personalDataChecked.rawValue): true` in the front matter",
                  draft.visibility?.line)
        }

        var publication = AssessmentFormat.Publication.full
        if let written = draft.publication {
            if let chosen = AssessmentFormat.Publication(rawValue: written.value.lowercased()) {
                publication = chosen
            } else {
                error(unknownWord("publication", written.value, valid: AssessmentFormat.Publication.allCases.map(\.rawValue)), written.line)
            }
        }

        var preparation: Preparation?
        if let written = draft.preparation {
            let word = written.value.lowercased()
            if AssessmentFormat.yesWords.contains(word) {
                let party = draft.party.flatMap { AssessmentFormat.role($0.value) }
                if let written = draft.party, party == nil {
                    error(unknownWord("party", written.value, valid: Role.allCases.map(\.rawValue)), written.line)
                } else if draft.party == nil {
                    let parties = AssessmentFormat.preparationParties.map(\.rawValue)
                    error("a preparation needs `namens:`, the party it speaks for (\(parties.dropLast().joined(separator: ", ")) or \(parties.last!))", written.line)
                }
                let participant = checkedParticipant(draft.participant, error: error)
                let session = draft.session?.value ?? ""
                if session.isEmpty {
                    error("a preparation needs `sessie:`, the name all participants of the joint session use, such as `duinmeer-2025`", written.line)
                }
                if visibility == .public {
                    error("a preparation is never public; remove `zichtbaarheid: public`", draft.visibility?.line)
                }
                if let party, !session.isEmpty { preparation = Preparation(party: party, session: session, participant: participant) }
            } else if !AssessmentFormat.noWords.contains(word) {
                error("`voorbereiding` must be `true` or `false`", written.line)
            }
        }

        var scores: [IndicatorID: IndicatorScore] = [:]
        var firstLine: [IndicatorID: Int] = [:]
        for entry in draft.indicators {
            guard let id = checkedID(entry.idText, kader: kader, checkKader: versionMatches, error: error) else { continue }
            if let first = firstLine[id] {
                error("indicator \(id) is scored twice; it is also at line \(first); keep one section per indicator", entry.idText.line)
                continue
            }
            firstLine[id] = entry.idText.line
            var status: Status?
            if let written = entry.status {
                switch Status.parse(written.value) {
                case .some(let parsed): status = parsed
                case .none:
                    let valid = Status.words.keys.sorted() + ["open"]
                    error(unknownWord("status", written.value, valid: valid), written.line)
                    continue
                }
            }
            scores[id] = IndicatorScore(status: status, hasReflection: entry.hasReflection, hasActions: entry.hasActions)
        }

        var plan: [PlanEntry] = []
        for entry in draft.plan {
            var ids: [IndicatorID] = []
            for written in entry.indicators {
                if let id = checkedID(written, kader: kader, checkKader: versionMatches, error: error, inPlan: entry.what.value) {
                    ids.append(id)
                }
            }
            plan.append(PlanEntry(what: entry.what.value, who: entry.who, when: entry.when, goal: entry.goal, indicators: ids))
        }

        guard diagnostics.isEmpty, let date else { return (nil, diagnostics) }
        var assessment = Assessment(source: draft.source, practice: practice, region: draft.region, date: date, kaderVersion: version,
                                    organisations: organisations, facilitator: draft.facilitator, visibility: visibility ?? .unlisted,
                                    code: draft.code?.value, scores: scores, plan: plan, preparation: preparation,
                                    isExample: isExample, personalDataChecked: personalDataChecked)
        assessment.publication = publication
        return (assessment, diagnostics)
    }

    /// A yes-or-no key (`true`/`false`, `ja`/`nee`); false when not given, and an error (and
    /// false) for another word.
    static func checkedYesNo(_ written: Located<String>?, key: AssessmentFormat.Key, error: (String, Int?) -> Void) -> Bool {
        guard let written else { return false }
        guard let value = AssessmentFormat.yesNo(written.value) else {
            let found = written.value.count <= 20 ? "; found `\(written.value)`" : ""
            error("`\(key.rawValue)` must be `true` or `false`\(found)", written.line)
            return false
        }
        return value
    }

    /// An example for the `code` diagnostics; any unguessable value will do.
    static let exampleCode = "k7w2p9x4qm"

    /// `deelnemer:` without spaces around it, nil when not given or empty; an error when it is
    /// not one line of text or longer than `AssessmentFormat.participantMaximumLength`.
    static func checkedParticipant(_ written: Located<String>?, error: (String, Int?) -> Void) -> String? {
        guard let written else { return nil }
        let value = String(written.value.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            error("`deelnemer` must be one line of text (a name or role, such as `Persoonlijk begeleider`), without line breaks or control characters", written.line)
            return nil
        }
        if value.count > AssessmentFormat.participantMaximumLength {
            error("`deelnemer` holds \(value.count) characters, more than the \(AssessmentFormat.participantMaximumLength) a name or role may have; shorten it", written.line)
            return nil
        }
        return value.isEmpty ? nil : value
    }

    static func isValidCode(_ code: String) -> Bool {
        code.count >= AssessmentFormat.codeMinimumLength && code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    private static func checkedID(_ written: Located<String>, kader: Kader, checkKader: Bool,
                                  error: (String, Int?) -> Void, inPlan action: String? = nil) -> IndicatorID? {
        let place = action.map { " in the plan entry `\($0)`" } ?? ""
        guard let id = IndicatorID(written.value) else {
            error("`\(written.value)`\(place) is not an indicator ID; IDs look like `P1.05`, `S.03` or `K.02`", written.line)
            return nil
        }
        if checkKader, kader.indicator(id) == nil {
            let count = kader.part(id.part)?.indicators.count ?? 0
            error("unknown indicator \(id)\(place): part \(id.part) of kader \(kader.version) has indicators \(id.part).01 to \(IndicatorID(part: id.part, number: count))", written.line)
            return nil
        }
        return id
    }

    private static func unknownWord(_ what: String, _ word: String, valid: [String]) -> String {
        var message = "unknown \(what) `\(word)`"
        if let nearest = Suggestion.nearest(to: word, in: valid) {
            message += "; did you mean `\(nearest)`?"
        } else {
            message += "; use one of " + valid.map { "`\($0)`" }.joined(separator: ", ")
        }
        return message
    }
}
