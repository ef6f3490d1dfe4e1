/// One labelled input of a form, with its hint and its error, as USWDS lays them out.
struct FormField: Sendable, TemplateFields {
    let name: String
    let label: String
    let type: String
    let value: String
    let autocomplete: String
    let hint: String?
    let error: String?
    /// The ids the input is described by (hint, error), or nil.
    let describedBy: String?

    init(
        _ name: String, _ label: String, type: String = "text", value: String = "", autocomplete: String = "off",
        hint: String? = nil, error: String? = nil
    ) {
        self.name = name
        self.label = label
        self.type = type
        self.value = value
        self.autocomplete = autocomplete
        self.hint = hint
        self.error = error
        let ids = [hint.map { _ in "\(name)-hint" }, error.map { _ in "\(name)-error" }].compactMap { $0 }
        self.describedBy = ids.isEmpty ? nil : ids.joined(separator: " ")
    }
}

extension FormField {
    /// A field showing what the person answered (never a password) and the problem with it.
    init(
        _ name: String, _ label: String, type: String = "text", autocomplete: String, hint: String? = nil,
        answers form: FormData, problems: [String: String]
    ) {
        self.init(
            name, label, type: type, value: type == "password" ? "" : form.text(name), autocomplete: autocomplete,
            hint: hint, error: problems[name])
    }
}

/// The list of problems at the top of a form, each linking to its field.
struct ErrorSummaryItem: Sendable, TemplateFields {
    let field: String
    let message: String
}

extension Array where Element == ErrorSummaryItem {
    init(_ problems: [String: String], order: [String]) {
        self = order.compactMap { name in problems[name].map { ErrorSummaryItem(field: name, message: $0) } }
    }
}
