/// `tool` on a page of the session's journey (`session-start`, `session-bundle`): the kader and
/// its version, the links to the forms the page leads to, the preparation form's published
/// address (from `base_url`, for the invitation link), and the scripts' data (`FillData`).
package struct SessionToolValues: TypedContext {
    package var kaderTitle: String
    package var version: String
    /// The preparation form and the joint form, relative to the tool's page.
    package var preparationForm: String
    package var wholeForm: String
    /// The preparation form's address on the published site; nil without `base_url`.
    package var preparationAddress: String?
    /// The site's published address; nil without `base_url`.
    package var baseURL: String?
    /// The scripts' data (JSON).
    package var fillData: String

    package func child(named name: String) -> Any? {
        switch name {
        case "kaderTitle": string(kaderTitle)
        case "version": string(version)
        case "preparationForm": string(preparationForm)
        case "wholeForm": string(wholeForm)
        case "preparationAddress": string(preparationAddress)
        case "baseURL": string(baseURL)
        case "fillData": string(fillData)
        default: nil
        }
    }
}
