import Diagnostics
import Kader
import Basics

/// What writes one path of the output: a page, a file of the content, or something the
/// generator makes itself. `OutputTable` holds one per path.
package struct OutputOwner: Sendable, Hashable {
    /// Where an owner comes from.
    package enum Kind: Sendable, Hashable {
        /// A page of the tree, by index.
        case page(Int)
        /// A file of the content, copied as it is, by its path in the content folder.
        case file(String)
        /// The overview of one session's preparations, by index in `AssessmentSite.sessions`.
        case preparationOverview(Int)
        /// The PDF beside an assessment's result page, by page index.
        case assessmentPDF(Int)
        /// The redirect page at an old address of a page, by index in `SiteModel.aliases`.
        case alias(Int)
        /// A file or folder the generator writes whatever the content holds.
        case generator
    }

    package let kind: Kind
    /// How a message names it, such as "the page `content/zoeken.md`" or "the generator's search page".
    package let name: String
    /// How its own error starts, such as "this page would be written to".
    let subject: String
    /// Where an error about it is shown; nil for the generator's own files (never at fault).
    package let place: (file: String, line: Int)?
    /// What the user changes to move it elsewhere.
    package let fix: String
    /// Which side of a clash is reported: the owner the user can move most easily (a copied
    /// file before a preparation overview before a page; the generator never).
    let rank: Int

    package static func == (lhs: OutputOwner, rhs: OutputOwner) -> Bool { lhs.kind == rhs.kind && lhs.name == rhs.name }
    package func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(name)
    }
}

/// Every path of the output with its one owner, made when the model is built, so that `check`
/// and `build` report a clash the same way: a page, a file of the content or a preparation
/// overview that would be written where something else is written (or inside a folder
/// something else fills, or where another needs a folder) is an error at the one the user
/// can move, naming what else writes there. Two pages at one address are the tree's to report
/// (`SiteTree`); they are in the table too.
package struct OutputTable: Sendable {
    /// The owners of each file path of the output (one each when the model has no errors).
    package let owners: [String: [OutputOwner]]
    /// Folders the generator fills itself; nothing else writes into them.
    package let folders: [String: OutputOwner]

    /// The owner of `path`: the first owner of that file, or of a folder above it.
    package func owner(of path: String) -> OutputOwner? {
        if let owner = owners[path]?.first { return owner }
        var folder = RelativePath.parent(path)
        while !folder.isEmpty {
            if let owner = folders[folder] { return owner }
            folder = RelativePath.parent(folder)
        }
        return nil
    }

    /// The table of a site, with an error for each clash.
    package static func build(_ claims: [(path: String, owner: OutputOwner)], folders: [String: OutputOwner],
                              diagnostics: inout DiagnosticList) -> OutputTable {
        var owners: [String: [OutputOwner]] = [:]
        for claim in claims where !(owners[claim.path]?.contains(claim.owner) ?? false) {
            owners[claim.path, default: []].append(claim.owner)
        }
        var problems: [Diagnostic] = []
        // Files where a folder is needed, told once (for the first path inside, in byte order).
        var toldFolders = Set<String>()
        for path in owners.keys.sorted(by: byteOrder) {
            let here = owners[path]!
            if here.count > 1 { problems += clash(here, at: path, relation: .samePath) }
            // A folder above the path that something else writes as a file, or fills itself.
            var folder = RelativePath.parent(path)
            while !folder.isEmpty {
                if let filler = folders[folder] {
                    problems += clash(here, at: path, with: [filler], relation: .insideFolder(folder))
                }
                if let files = owners[folder] {
                    problems += clash(here, at: path, with: files, relation: .insideFile(folder),
                                      tellFile: toldFolders.insert(folder).inserted)
                }
                folder = RelativePath.parent(folder)
            }
        }
        diagnostics.append(contentsOf: problems)
        return OutputTable(owners: owners, folders: folders)
    }

    /// How two owners' paths clash.
    private enum Relation {
        /// Both write the same file.
        case samePath
        /// The path lies inside a folder the other fills.
        case insideFolder(String)
        /// The path lies inside a folder that the other writes as a file.
        case insideFile(String)
        /// The path is written as a file, where the other needs a folder (for the path given).
        case holdsFolder(String)
    }

    /// Errors for owners that all write `path` (two pages alone are the tree's to report).
    private static func clash(_ owners: [OutputOwner], at path: String, relation: Relation) -> [Diagnostic] {
        let top = owners.map(\.rank).max()!
        if owners.allSatisfy({ if case .page = $0.kind { true } else { false } }) { return [] }
        return owners.filter { $0.rank == top }.compactMap { owner in
            diagnostic(owner, at: path, others: owners.filter { $0 != owner }, relation: relation)
        }
    }

    /// Errors for a clash between the owners of `path` and `others`, at whichever side is easier
    /// to move; for a file where a folder is needed, at the file only when `tellFile`.
    private static func clash(_ owners: [OutputOwner], at path: String, with others: [OutputOwner],
                              relation: Relation, tellFile: Bool = true) -> [Diagnostic] {
        let top = (owners + others).map(\.rank).max()!
        let inner = owners.filter { $0.rank == top }.compactMap { owner in
            diagnostic(owner, at: path, others: others, relation: relation)
        }
        guard case .insideFile(let folder) = relation, tellFile else { return inner }
        // The file where a folder is needed is told which of its paths needs it.
        return inner + others.filter { $0.rank == top }.compactMap { owner in
            diagnostic(owner, at: folder, others: owners, relation: .holdsFolder(path))
        }
    }

    private static func diagnostic(_ owner: OutputOwner, at path: String, others: [OutputOwner],
                                   relation: Relation) -> Diagnostic? {
        guard let place = owner.place, !others.isEmpty else { return nil }
        let named = others.map(\.name).joined(separator: " and ")
        let verb = others.count > 1 ? "are" : "is"
        let whereElse: String
        switch relation {
        case .samePath: whereElse = "where \(named) \(verb) written too"
        case .insideFolder(let folder): whereElse = "inside `\(folder)/`, which the generator fills with \(named)"
        case .insideFile(let folder): whereElse = "inside `\(folder)`, where \(named) \(verb) written as a file"
        case .holdsFolder(let inner):
            whereElse = "where \(named) \(others.count > 1 ? "need" : "needs") a folder of that name (for `\(inner)`)"
        }
        return .error("\(owner.subject) `\(path)`, \(whereElse); \(owner.fix)", file: place.file, line: place.line, column: 1)
    }
}
