import Diagnostics

/// Validates part drafts and builds the `Kader`, reporting every problem with its file and line.
public enum KaderBuilder {
    /// Builds the kader from `parts`, given in the site's navigation order. `indexFile` is the
    /// kader's landing page, where the version is set and where missing parts are reported.
    public static func build(version: String?, versionLine: Int?, indexFile: String,
                             parts: [PartDraft]) -> (Kader, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        if version == nil || version!.isEmpty {
            diagnostics.append(.error("the kader has no version; add `version: \"2025\"` to the front matter of this page",
                                      file: indexFile, line: versionLine ?? 1, column: 1))
        } else if !version!.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || "0123456789 .-_".unicodeScalars.contains($0)) }) {
            diagnostics.append(.error("the kader version may hold only letters, digits, spaces, dots and hyphens, such as `2025`",
                                      file: indexFile, line: versionLine ?? 1, column: 1))
        }
        var built: [KaderPart] = []
        var seenParts: [PartID: String] = [:]
        var seenIndicators: [IndicatorID: String] = [:]
        var previous: PartID?

        for draft in parts {
            guard let text = draft.partText, let id = PartID(text) else {
                let written = draft.partText.map { "`\($0)`" } ?? "missing"
                diagnostics.append(.error(
                    "`part` is \(written); it must be one of P1 to P8 (the principles), S (Samenwerking) or K (Kwaliteitsbewaking)",
                    file: draft.file, line: draft.partLine, column: 1))
                continue
            }
            if let other = seenParts[id] {
                diagnostics.append(.error("part \(id) is defined twice; it is also defined in \(other)",
                                          file: draft.file, line: draft.partLine, column: 1))
                continue
            }
            if let previous, id < previous {
                diagnostics.append(.error(
                    "part \(id) comes after part \(previous), but the kader's order is P1 to P8, S, K; set `order: \(id.number)` in the front matter",
                    file: draft.file, line: draft.partLine, column: 1))
            }
            previous = id
            seenParts[id] = draft.file
            var indicators: [Indicator] = []
            for indicator in draft.indicators {
                if let checked = check(indicator, in: id, file: draft.file, seen: &seenIndicators, diagnostics: &diagnostics) {
                    indicators.append(checked)
                }
            }
            built.append(KaderPart(id: id, title: draft.title, source: draft.source, indicators: indicators))
        }
        for id in PartID.all where seenParts[id] == nil {
            diagnostics.append(.error(
                "the kader has no part \(id); add a page with `part: \(id)` to the kader folder",
                file: indexFile, line: 1, column: 1))
        }
        return (Kader(version: version ?? "", parts: built.sorted { $0.id < $1.id }), diagnostics)
    }

    private static func check(_ draft: IndicatorDraft, in part: PartID, file: String,
                              seen: inout [IndicatorID: String], diagnostics: inout [Diagnostic]) -> Indicator? {
        guard let id = IndicatorID(draft.idText) else {
            diagnostics.append(.error(
                "an indicator heading must start with its ID, such as `### \(part).05 Korte titel`; found `\(draft.idText)`",
                file: file, line: draft.line, column: draft.column))
            return nil
        }
        var valid = true
        if id.part != part {
            diagnostics.append(.error(
                "indicator \(id) stands in part \(part); its ID must start with `\(part).` (IDs never move between parts)",
                file: file, line: draft.line, column: draft.column))
            valid = false
        }
        if let other = seen[id] {
            diagnostics.append(.error(
                "duplicate indicator ID \(id); it is also used at \(other); give this indicator a new, unused number",
                file: file, line: draft.line, column: draft.column))
            valid = false
        } else {
            seen[id] = "\(file):\(draft.line)"
        }
        if draft.title.isEmpty {
            diagnostics.append(.error(
                "indicator \(id) has no short title; write a few words after the ID, such as `### \(id) Eigen huurcontract`",
                file: file, line: draft.line, column: draft.column))
            valid = false
        }
        if !draft.hasText {
            diagnostics.append(.error(
                "indicator \(id) has no text; write its statement in a paragraph under the heading",
                file: file, line: draft.line, column: draft.column))
            valid = false
        }
        var parties: [Party] = []
        for name in draft.parties {
            if let party = Party(rawValue: name.lowercased()) {
                parties.append(party)
            } else {
                var message = "unknown party `\(name)` for indicator \(id)"
                if let nearest = Suggestion.nearest(to: name, in: Party.allCases.map(\.rawValue)) {
                    message += "; did you mean `\(nearest)`?"
                } else {
                    message += "; use zorgorganisatie, woningcorporatie or gemeente"
                }
                diagnostics.append(.error(message, file: file, line: draft.partiesLine ?? draft.line, column: 1))
                valid = false
            }
        }
        return valid ? Indicator(id: id, title: draft.title, group: draft.group, parties: parties, text: draft.text) : nil
    }
}
