import KennisbankMarkdown
import SiteFormats

extension MarkdownLabels {
    /// The callout titles and task box names of the site's strings file (`markdown.callout.*`,
    /// `markdown.task.done`, `markdown.task.open`).
    package init(strings: InterfaceStrings) {
        var callouts: [CalloutKind: String] = [:]
        for kind in CalloutKind.allCases { callouts[kind] = strings.text("markdown.callout.\(kind.rawValue)") }
        self.init(callouts: callouts, taskDone: strings.text("markdown.task.done"), taskOpen: strings.text("markdown.task.open"))
    }
}
