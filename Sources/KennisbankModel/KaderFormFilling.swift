extension KaderForm {
    /// Whether the form can be filled in in the browser and saved as a file (the whole kader
    /// and the preparation); the others are for paper only.
    package var fillsInBrowser: Bool { kind == .whole || kind == .preparation }
}
