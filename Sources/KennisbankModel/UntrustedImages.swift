import Diagnostics

/// Images in untrusted text (assessments and preparations) come from the site itself: a
/// relative path to a file of the content (which the link check resolves), or a `data:` image
/// of the kinds cmark's safe mode keeps (PNG, GIF, JPEG, WebP), which is inside the page and
/// makes no request. Anything else (`https:`, `//host`, `file:`, other schemes) is an error at
/// the image, so that opening, printing or e-mailing a result page never asks another server
/// for anything. Knowledge pages, written by the site's editors, may show outside images.
package enum UntrustedImages {
    private static let dataImages = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]

    /// An error for each image of an assessment or preparation source that is not from the site.
    package static func check(_ sources: [String: SourceSummary], diagnostics: inout DiagnosticList) {
        for source in sources.values where source.assessment != nil {
            for image in source.images where !isFromTheSite(image.destination) {
                let shown = image.destination.count > 80 ? image.destination.prefix(60) + "…" : Substring(image.destination)
                diagnostics.append(.error(
                    "image `\(shown)` is not from this site; images in assessments and preparations may only come from the site itself (a relative path to a file in the content folder, such as `schema.png`) or be PNG, GIF, JPEG or WebP `data:` images, so that opening or printing the page makes no request elsewhere; copy the image into the content folder",
                    file: source.displayPath, line: image.line, column: image.column))
            }
        }
    }

    /// Whether `destination` is a relative path, or a data image that cmark keeps.
    static func isFromTheSite(_ destination: String) -> Bool {
        if !LinkLocator.hasScheme(destination) { return !destination.hasPrefix("//") }
        let lowered = destination.lowercased()
        return dataImages.contains { lowered.hasPrefix($0 + ";") || lowered.hasPrefix($0 + ",") }
    }
}
