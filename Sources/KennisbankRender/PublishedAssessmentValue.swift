/// A published assessment in the list of the assessments overview (`assessments`): the
/// practice and its region, the date, and the address of its result page.
package struct PublishedAssessmentValue: TypedContext {
    package var practice: String
    package var region: String?
    package var date: String
    package var dateISO: String
    package var url: String

    package func child(named name: String) -> Any? {
        switch name {
        case "practice": string(practice)
        case "region": string(region)
        case "date": string(date)
        case "dateISO": string(dateISO)
        case "url": string(url)
        default: nil
        }
    }
}
