/// The values of a self-contained result page (`assessment-standalone`): the site's language,
/// the assessment, the stylesheets inline and the interface words. Without the site's header,
/// and without `root`: its links lead into the site only through the base URL.
package struct StandaloneAssessmentValues: TypedContext {
    package var site: SiteNameValue
    package var assessment: ResultValues
    package var inlineCSS: String
    package var strings: StringsValue

    package func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "assessment": assessment
        case "inlineCSS": string(inlineCSS)
        case "strings": strings
        default: nil
        }
    }
}
