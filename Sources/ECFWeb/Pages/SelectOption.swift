/// One choice of a `<select>` or of a group of radio buttons, and whether it is the chosen one.
struct SelectOption: Sendable, TemplateFields {
    let value: String
    let label: String
    let selected: Bool
}
