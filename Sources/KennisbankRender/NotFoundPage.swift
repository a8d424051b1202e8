import Foundation
import KennisbankModel
import Basics

/// How the 404 page finds the site root. A web server answers it for any missing address, at
/// any depth (`/kader/p1/bestaat-niet/`), while its links are written for the root
/// (`assets/style.css`). With `base_url` they are absolute and nothing else is needed. Without
/// it the page carries `script(names:)`, which finds the root in the page's own address and
/// puts it before every relative link; `serve`, which knows the root, does the same before it
/// answers (`rooted(_:root:)`). One rule on both sides: an `href`, `src` or `action` is relative
/// when it starts with neither a scheme (`https:`), a `/` nor a `#`.
package enum NotFoundPage {
    /// The first two levels of the output's paths that anyone may know: each top-level name with
    /// the names inside it (`kader` → `formulieren`, `index.html`, `p1`, ...), sorted. The
    /// address of an unlisted page is known only to those given it, so it is left out, with
    /// everything beside it (its PDF, its aliases), the preparation overviews and the files of
    /// the assessments folder: the 404 page must not list them.
    package static func siteNames(_ model: SiteModel) -> [String: [String]] {
        let pages = model.tree.pages
        let assessments = model.config.assessmentsFolder + "/"
        func isPublic(_ owner: OutputOwner) -> Bool {
            switch owner.kind {
            case .generator: true
            case .page(let index), .assessmentPDF(let index): pages[index].listed
            case .alias(let number): pages[model.aliases[number].page].listed
            case .file(let path): !path.hasPrefix(assessments)
            case .preparationOverview: false
            }
        }
        var paths = Array(model.outputs.folders.keys)
        for (path, owners) in model.outputs.owners where owners.allSatisfy(isPublic) { paths.append(path) }
        var names: [String: Set<String>] = [:]
        for path in paths {
            let parts = path.split(separator: "/", omittingEmptySubsequences: true).prefix(2).map(String.init)
            guard let top = parts.first, top != OutputMarker.name else { continue }
            names[top, default: []].formUnion(parts.dropFirst())
        }
        return names.mapValues { $0.sorted(by: byteOrder) }
    }

    /// The inline script of the 404 page without `base_url`: it reads the root from the page's
    /// address, as the folder above the first of its folders that is a top-level name of the
    /// site (`kader`), best with the name below it (`kader/p1`). When no folder is (an old section's
    /// address), the root is the nearest folder up from which the site's own stylesheet loads
    /// (`/sub/oud/pagina/` tries `/sub/oud/`, then `/sub/`). It then writes the root before
    /// each relative link: those in the head at once (the stylesheet loads from the root before
    /// anything is shown), the rest when the page has loaded. It fetches nothing but that
    /// stylesheet and uses no framework; without script the text stays readable and the links
    /// work at the root's depth.
    package static func script(names: [String: [String]]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(names)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        // `<` never reaches the HTML parser, so no name can end the script.
        let safe = json.replacingOccurrences(of: "<", with: "\\u003c")
        return """
        <script>
        (function () {
          var names = \(safe);
          var has = function (object, key) { return Object.prototype.hasOwnProperty.call(object, key); };
          var raw = location.pathname.split('/').slice(1);
          if (raw.length && raw[raw.length - 1] === '') { raw.pop(); }
          var parts = raw.map(function (part) { try { return decodeURIComponent(part); } catch (e) { return part; } });
          var best = Math.max(parts.length - 1, 0), score = 0;
          // Only a folder of the address counts (`index.html` at its end is in every folder).
          for (var i = 0; i + 1 < parts.length; i++) {
            if (!has(names, parts[i])) { continue; }
            var here = 1 + (names[parts[i]].indexOf(parts[i + 1]) >= 0 ? 1 : 0);
            if (here > score) { best = i; score = here; }
          }
          function folder(depth) { return '/' + raw.slice(0, depth).map(function (part) { return part + '/'; }).join(''); }
          var root = folder(best);
          function fix() {
            var elements = document.querySelectorAll('[href], [src], [action]');
            for (var i = 0; i < elements.length; i++) {
              ['href', 'src', 'action'].forEach(function (name) {
                var value = elements[i].getAttribute(name);
                if (value !== null && !/^([a-zA-Z][a-zA-Z0-9+.-]*:|\\/|#)/.test(value)) { elements[i].setAttribute(name, root + value); }
              });
            }
          }
          function start() {
            fix();
            if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', fix); }
          }
          var sheet = document.querySelector('link[rel="stylesheet"]');
          if (score > 0 || best === 0 || !sheet) { start(); return; }
          // No part of the address is a name of the site (an old section, say): the root is the
          // nearest folder up from which the site's own stylesheet loads.
          var written = sheet.getAttribute('href');
          (function attempt(depth) {
            if (depth < 0) { return; }
            var probe = document.createElement('link');
            probe.rel = 'stylesheet';
            probe.href = folder(depth) + written;
            probe.onload = function () { root = folder(depth); start(); probe.parentNode.removeChild(probe); };
            probe.onerror = function () { probe.parentNode.removeChild(probe); attempt(depth - 1); };
            document.head.appendChild(probe);
          }(best));
        }());
        </script>

        """
    }

    /// The 404 page's HTML with `root` (such as `/`) before each relative `href`, `src` and
    /// `action`, for an answer at any depth. Only the generator's own attributes are matched:
    /// text on the page is escaped (`"` as `&quot;`), so ` href="` occurs nowhere else.
    package static func rooted(_ html: String, root: String) -> String {
        var result = ""
        var rest = Substring(html)
        while let attribute = nextAttribute(in: rest) {
            result += rest[..<attribute.upperBound]
            rest = rest[attribute.upperBound...]
            if isRelative(rest.prefix { $0 != "\"" }) { result += root }
        }
        return result + rest
    }

    private static let attributes = [" href=\"", " src=\"", " action=\"", "\nhref=\"", "\nsrc=\"", "\naction=\""]

    /// The first ` href="` (or `src`, `action`) in `text`.
    private static func nextAttribute(in text: Substring) -> Range<Substring.Index>? {
        attributes.compactMap { text.range(of: $0) }.min { $0.lowerBound < $1.lowerBound }
    }

    /// Whether a URL as written is relative: it starts with neither a scheme, a `/` nor a `#`.
    static func isRelative(_ value: Substring) -> Bool {
        if value.hasPrefix("/") || value.hasPrefix("#") { return false }
        guard let colon = value.firstIndex(of: ":") else { return true }
        let scheme = Array(value[..<colon].utf8)
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        guard let first = scheme.first, isLetter(first) else { return true }
        return !scheme.allSatisfy { isLetter($0) || (0x30...0x39).contains($0) || $0 == 0x2B || $0 == 0x2E || $0 == 0x2D }
    }
}
