import CCmark
import Foundation

/// A GFM table found in a paragraph, before it is built: the source lines of each part.
private struct FoundTable {
    var paragraph: OpaquePointer
    /// Lines of the paragraph before the header row (they stay a paragraph).
    var prefix: [Int]
    var alignments: [TableRows.Alignment]
    /// The header row and the body rows: each row's line and its cells' bytes.
    var rows: [(line: Int, lineStart: Int, cells: [TableRows.Cell])]
    /// Lines of the paragraph after the table (after a lazy continuation line).
    var rest: [Int]
    /// Whether a thematic break follows (the `---` that made cmark read the table as a heading).
    var ruleAfter = false
}

/// One piece of the document of cells that cmark parses: a cell, or lines before or after a table.
private struct Unit {
    enum Kind { case cell, blocks }
    var kind: Kind
    /// The lines of the cell document it takes, first and last (1-based).
    var firstLine: Int
    var lastLine: Int
    var origin: ReparsedOrigin
}

/// Where re-parsed Markdown (a table cell, or a paragraph's lines before or after a table) came
/// from: for each of its lines in the cell document, the line, first column and removed
/// backslashes (of `\|`) in the page's source.
package struct ReparsedOrigin: Sendable {
    package struct Line: Sendable {
        var line: Int
        var column: Int
        /// Offsets in the re-parsed line before which a backslash was removed.
        var removed: [Int]
    }
    /// The line of the cell document that holds the first of `lines`.
    var firstLine: Int
    var lines: [Line]

    /// The page's line and column of a position in the cell document.
    func map(line: Int, column: Int) -> (line: Int, column: Int) {
        guard !lines.isEmpty else { return (1, 1) }
        let origin = lines[min(max(0, line - firstLine), lines.count - 1)]
        let offset = max(0, column - 1)
        return (origin.line, origin.column + offset + origin.removed.count(where: { $0 <= offset }))
    }
}

extension MarkdownDocument {
    /// Tables wider than this are an error: no reader scrolls through them, and each column
    /// costs every row.
    package static let maximumTableColumns = 1_000
    /// At most this many cells (short rows filled up included) in all the tables of a document,
    /// so that a few lines cannot make millions of cells.
    package static let maximumTableCells = 200_000

    /// Turns every paragraph that holds a GFM pipe table into the table (with the paragraph's
    /// lines before the header row still a paragraph before it). The rows are read from the
    /// source bytes; the cells' inline content is parsed by cmark, all cells of the document in
    /// one document of their own with the page's link reference definitions after them, and
    /// their nodes are moved into the table. Returns the tables that were too large.
    func buildTables() -> [MarkdownProblem] {
        guard source.contains(UInt8(ascii: "|")) || source.contains(UInt8(ascii: ":")) else { return [] }
        // A paragraph of two lines or more, or an underlined heading of two lines or more:
        // cmark reads a table with `===` or `---` below it (no blank line between) as one.
        let candidates = nodes().filter {
            let lines = cmark_node_get_end_line($0) - cmark_node_get_start_line($0)
            switch cmark_node_get_type($0) {
            case CMARK_NODE_PARAGRAPH: return lines > 0
            case CMARK_NODE_HEADING: return lines > 1
            default: return false
            }
        }
        guard !candidates.isEmpty else { return [] }
        let lines = SourceLines(source)
        var problems: [MarkdownProblem] = []
        var tables: [FoundTable] = []
        var cellCount = 0
        for paragraph in candidates {
            let end = Int(cmark_node_get_end_line(paragraph))
            let isHeading = cmark_node_get_type(paragraph) == CMARK_NODE_HEADING
            guard var table = findTable(in: paragraph, through: isHeading ? end - 1 : end, lines: lines) else { continue }
            if isHeading {
                // cmark-gfm's table goes on below its last row: `===` is one more row, `---` a
                // thematic break. A heading whose table ended before its last line stays one.
                guard table.rest.isEmpty else { continue }
                let underline = lines.content(of: end, in: lines.containers(of: paragraph))
                if underline.start < underline.end, source[underline.start] == UInt8(ascii: "=") {
                    table.rows.append((end, lines.range(of: end).start, TableRows.cells(source, from: underline.start, to: underline.end)))
                } else {
                    table.ruleAfter = true
                }
            }
            let columns = table.alignments.count
            let delimiterLine = table.rows[0].line + 1
            if columns > Self.maximumTableColumns {
                problems.append(MarkdownProblem(.error, "this table has \(columns) columns, more than the \(Self.maximumTableColumns) a table may have; split it into narrower tables",
                                                line: delimiterLine, column: 1))
                continue
            }
            cellCount += columns * table.rows.count
            if cellCount > Self.maximumTableCells {
                problems.append(MarkdownProblem(.error, "the tables of this page have more than \(Self.maximumTableCells) cells from here on (rows times columns); split the table or the page",
                                                line: table.rows[0].line, column: 1))
                break
            }
            tables.append(table)
        }
        if !tables.isEmpty {
            build(tables, lines: lines)
            setTableLabels("Table")
        }
        return problems
    }

    /// The table in a paragraph, as cmark-gfm finds it: the first line that is a delimiter
    /// row with as many cells as the line before it (the header row); when the first delimiter
    /// row does not match its header, the paragraph holds no table. The table ends at the end
    /// of the paragraph, at a lazy continuation line or at a line without cells.
    private func findTable(in paragraph: OpaquePointer, through last: Int, lines: SourceLines) -> FoundTable? {
        let first = Int(cmark_node_get_start_line(paragraph))
        guard last > first else { return nil }
        let containers = lines.containers(of: paragraph)
        func content(_ line: Int) -> (start: Int, end: Int, lazy: Bool) {
            lineContent(line, of: paragraph, lines: lines, containers: containers)
        }
        var header: (start: Int, end: Int, lazy: Bool) = content(first)
        for line in (first + 1)...last {
            let current = content(line)
            defer { header = current }
            guard !current.lazy, current.start < current.end else { continue }
            let byte = source[current.start]
            guard byte == UInt8(ascii: "|") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-"),
                  let alignments = TableRows.delimiterRow(source, from: current.start, to: current.end) else { continue }
            let headerCells = TableRows.cells(source, from: header.start, to: header.end)
            guard headerCells.count == alignments.count else { return nil }
            var table = FoundTable(paragraph: paragraph, prefix: Array(first..<(line - 1)), alignments: alignments,
                                   rows: [(line - 1, lines.range(of: line - 1).start, headerCells)], rest: [])
            var body = line + 1
            while body <= last {
                let row = content(body)
                if row.lazy { break }
                let cells = TableRows.cells(source, from: row.start, to: row.end)
                if cells.isEmpty { break }
                table.rows.append((body, lines.range(of: body).start, cells))
                body += 1
            }
            if body <= last { table.rest = Array(body...last) }
            return table
        }
        return nil
    }

    /// Where the content of a line of `paragraph` starts: at the paragraph's column on its first
    /// line, after its containers' markers on the others.
    private func lineContent(_ line: Int, of paragraph: OpaquePointer, lines: SourceLines,
                             containers: [SourceLines.Container]) -> (start: Int, end: Int, lazy: Bool) {
        guard line == Int(cmark_node_get_start_line(paragraph)) else { return lines.content(of: line, in: containers) }
        let (lineStart, end) = lines.range(of: line)
        var start = min(end, lineStart + max(0, Int(cmark_node_get_start_column(paragraph)) - 1))
        while start < end, source[start] == 0x20 || source[start] == 0x09 { start += 1 }
        return (start, end, false)
    }

    /// Parses the cells (and the lines around the tables) in one cmark document and puts the
    /// tables, made of custom blocks, in place of their paragraphs.
    private func build(_ tables: [FoundTable], lines: SourceLines) {
        var text: [UInt8] = []
        var units: [Unit] = []
        var line = 1
        // Each cell is the continuation line of a paragraph that starts with `x`: indented by
        // four spaces, no line of it can start a block, and its inlines parse as in a cell.
        func addCell(_ row: (line: Int, lineStart: Int, cells: [TableRows.Cell]), _ cell: TableRows.Cell) {
            let (bytes, removed) = TableRows.unescapedPipes(source, from: cell.start, to: cell.end)
            text.append(contentsOf: Array("x\n    ".utf8))
            text.append(contentsOf: bytes)
            text.append(contentsOf: [0x0A, 0x0A])
            units.append(Unit(kind: .cell, firstLine: line, lastLine: line + 1,
                              origin: ReparsedOrigin(firstLine: line + 1, lines: [.init(line: row.line, column: cell.start - row.lineStart + 1, removed: removed)])))
            line += 3
        }
        // Lines before a table (with `\|` unescaped, as cmark-gfm does) or after it, parsed
        // as blocks of their own; lines after the first indented so that they continue it.
        func addBlocks(_ sourceLines: [Int], of paragraph: OpaquePointer, containers: [SourceLines.Container], unescape: Bool) {
            guard !sourceLines.isEmpty else { return }
            var origins: [ReparsedOrigin.Line] = []
            for (index, number) in sourceLines.enumerated() {
                let (start, end, _) = lineContent(number, of: paragraph, lines: lines, containers: containers)
                let (bytes, removed) = unescape ? TableRows.unescapedPipes(source, from: start, to: end)
                                                : (Array(source[start..<end]), [])
                if index > 0 { text.append(contentsOf: Array("    ".utf8)) }
                text.append(contentsOf: bytes)
                text.append(0x0A)
                origins.append(.init(line: number, column: start - lines.range(of: number).start + 1, removed: removed))
            }
            text.append(0x0A)
            units.append(Unit(kind: .blocks, firstLine: line, lastLine: line + sourceLines.count - 1,
                              origin: ReparsedOrigin(firstLine: line, lines: origins)))
            line += sourceLines.count + 1
        }
        var cellUnits: [[[Int?]]] = []
        var blockUnits: [(prefix: Int?, rest: Int?)] = []
        for table in tables {
            let containers = lines.containers(of: table.paragraph)
            let prefixUnit = table.prefix.isEmpty ? nil : units.count
            addBlocks(table.prefix, of: table.paragraph, containers: containers, unescape: true)
            var rows: [[Int?]] = []
            for row in table.rows {
                rows.append(row.cells.prefix(table.alignments.count).map { cell in
                    guard cell.start < cell.end else { return nil }
                    addCell(row, cell)
                    return units.count - 1
                })
            }
            cellUnits.append(rows)
            let restUnit = table.rest.isEmpty ? nil : units.count
            addBlocks(table.rest, of: table.paragraph, containers: containers, unescape: false)
            blockUnits.append((prefixUnit, restUnit))
        }
        // The page's link reference definitions apply in cells: the page follows the cells
        // (a definition may come after its use), when it has any.
        if source.count > 1, zip(source, source.dropFirst()).contains(where: { $0 == UInt8(ascii: "]") && $1 == UInt8(ascii: ":") }) {
            text.append(contentsOf: source)
        }
        guard let cells = Self.parse(text, options: parseOptions) else { return }
        defer { cmark_node_free(cells) }
        let parsed = Self.blocks(of: cells, in: units)
        for (index, table) in tables.enumerated() {
            let paragraph = table.paragraph
            if let unit = blockUnits[index].prefix { insert(parsed[unit], before: paragraph, origin: units[unit].origin) }
            let region = makeTable(table, cells: cellUnits[index].map { $0.map { $0.map { (parsed[$0].first, units[$0].origin) } } })
            cmark_node_insert_before(paragraph, region)
            if table.ruleAfter, let rule = cmark_node_new(CMARK_NODE_THEMATIC_BREAK) { cmark_node_insert_before(paragraph, rule) }
            if let unit = blockUnits[index].rest { insert(parsed[unit], before: paragraph, origin: units[unit].origin) }
            cmark_node_unlink(paragraph)
            cmark_node_free(paragraph)
        }
    }

    /// The top-level blocks of the cell document that belong to each unit, by their lines.
    private static func blocks(of document: OpaquePointer, in units: [Unit]) -> [[OpaquePointer]] {
        var result = [[OpaquePointer]](repeating: [], count: units.count)
        var unit = 0
        var child = cmark_node_first_child(document)
        while let block = child, unit < units.count {
            child = cmark_node_next(block)
            let line = Int(cmark_node_get_start_line(block))
            while unit < units.count, line > units[unit].lastLine { unit += 1 }
            if unit < units.count, line >= units[unit].firstLine { result[unit].append(block) }
        }
        return result
    }

    private func insert(_ blocks: [OpaquePointer], before paragraph: OpaquePointer, origin: ReparsedOrigin) {
        for block in blocks {
            cmark_node_insert_before(paragraph, block)
            reparsedOrigins[block] = origin
        }
    }

    /// The table as custom blocks: the scrolling region, `thead`, `tbody` (left out without
    /// body rows, as the spec does) and a row per line; cells are custom inlines holding the
    /// parsed inline nodes. Only fixed strings go into the tags; the region's name is set when
    /// rendering (`setTableLabels`).
    private func makeTable(_ table: FoundTable, cells: [[(OpaquePointer?, ReparsedOrigin)?]]) -> OpaquePointer {
        let region = Self.customBlock("", "</table></div>")
        let head = Self.customBlock("<thead>", "</thead>")
        cmark_node_append_child(region, head)
        var body: OpaquePointer?
        for (rowIndex, row) in cells.enumerated() {
            let tr = Self.customBlock("<tr>", "</tr>")
            if rowIndex == 0 {
                cmark_node_append_child(head, tr)
            } else {
                if body == nil {
                    body = Self.customBlock("<tbody>", "</tbody>")
                    cmark_node_append_child(region, body)
                }
                cmark_node_append_child(body, tr)
            }
            for (column, alignment) in table.alignments.enumerated() {
                let tag = rowIndex == 0 ? "th" : "td"
                let scope = rowIndex == 0 ? " scope=\"col\"" : ""
                let align = alignment.className.map { " class=\"\($0)\"" } ?? ""
                guard let cell = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { continue }
                cmark_node_set_on_enter(cell, "<\(tag)\(scope)\(align)>")
                cmark_node_set_on_exit(cell, "</\(tag)>\n")
                cmark_node_append_child(tr, cell)
                guard column < row.count, let (paragraph, origin) = row[column] else { continue }
                reparsedOrigins[cell] = origin
                guard let paragraph else { continue }
                Self.moveInlines(from: paragraph, into: cell)
            }
        }
        let name = cmark_node_first_child(cmark_node_first_child(head)).map { Self.plainText(of: $0) } ?? ""
        tableRegions.append((region, name))
        return region
    }

    /// Moves a cell paragraph's inlines (after its `x` and line break) into the cell.
    private static func moveInlines(from paragraph: OpaquePointer, into cell: OpaquePointer) {
        if let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT,
           cmark_node_get_literal(first).map({ String(cString: $0) }) == "x",
           let soft = cmark_node_next(first), cmark_node_get_type(soft) == CMARK_NODE_SOFTBREAK {
            cmark_node_free(first)
            cmark_node_free(soft)
        }
        while let child = cmark_node_first_child(paragraph) { cmark_node_append_child(cell, child) }
    }

    private static func customBlock(_ enter: String, _ exit: String) -> OpaquePointer {
        let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(block, enter)
        cmark_node_set_on_exit(block, exit)
        return block
    }

    private static func parse(_ text: [UInt8], options: Int32) -> OpaquePointer? {
        text.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parse_document($0, buffer.count, options) }
            } ?? cmark_parse_document("", 0, options)
        }
    }
}
