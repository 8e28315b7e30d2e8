import InterchangeRuntime

/// Compares two versions of a spec folder's checked models and says what changed and what
/// it breaks: for peers on the wire, for Swift code compiled against the generated modules,
/// or nothing (additive, editorial). `interchange diff` reports it.
package struct SpecDiff {
    private var changes: [SpecChange] = []
    private var protocolName = ""

    /// Every change from `old` to `new`, most breaking first, then in the new spec's order.
    package static func changes(from old: [ProtocolModel], to new: [ProtocolModel]) -> [SpecChange] {
        var diff = SpecDiff()
        let newByName = Dictionary(new.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let oldNames = Set(old.map(\.name))
        for oldModel in old {
            diff.protocolName = oldModel.name
            guard let newModel = newByName[oldModel.name] else {
                diff.add(.wire, "protocol", nil, "protocol removed", old: oldModel.location, new: nil)
                continue
            }
            diff.compare(oldModel, newModel)
        }
        for newModel in new where !oldNames.contains(newModel.name) {
            diff.protocolName = newModel.name
            diff.add(.additive, "protocol", nil, "protocol added", old: nil, new: newModel.location)
        }
        return diff.changes.enumerated().sorted { a, b in
            a.element.level != b.element.level ? a.element.level > b.element.level : a.offset < b.offset
        }.map(\.element)
    }

    private mutating func add(
        _ level: SpecChange.Level, _ element: String, _ source: String?, _ message: String, old: SourceLocation?, new: SourceLocation?
    ) {
        changes.append(SpecChange(level: level, protocolName: protocolName, element: element, source: source, message: message, old: old, new: new))
    }

    // MARK: Protocol

    private mutating func compare(_ old: ProtocolModel, _ new: ProtocolModel) {
        let here = (old: old.location, new: new.location)
        if old.module != new.module {
            add(.source, "protocol", nil, "module renamed from \(old.module) to \(new.module)", old: here.old, new: here.new)
        }
        let oldSettings = Dictionary(old.settings.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        let newSettings = Dictionary(new.settings.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        for key in Set(oldSettings.keys).union(newSettings.keys).sorted() where oldSettings[key] != newSettings[key] {
            add(.wire, "setting \(key)", nil, "changed from \(oldSettings[key] ?? "unset") to \(newSettings[key] ?? "unset")", old: here.old, new: here.new)
        }
        let newRoles = Dictionary(new.roles.map { ($0.key, $0.label) }, uniquingKeysWith: { first, _ in first })
        for role in old.roles {
            guard let label = newRoles[role.key] else {
                add(.source, "role \(role.key)", nil, "role removed", old: here.old, new: here.new)
                continue
            }
            if label != role.label { add(.editorial, "role \(role.key)", nil, "label changed from \(role.label) to \(label)", old: here.old, new: here.new) }
        }
        for role in new.roles where !old.roles.contains(where: { $0.key == role.key }) {
            add(.additive, "role \(role.key)", nil, "role added", old: here.old, new: here.new)
        }
        for (what, before, after) in [("title", old.title, new.title), ("citation", old.citation, new.citation)] where before != after {
            add(.editorial, "protocol", nil, "\(what) changed from \(before) to \(after)", old: here.old, new: here.new)
        }
        if old.notes != new.notes { add(.editorial, "protocol", nil, "notes changed", old: here.old, new: here.new) }
        compareInterfaces(old, new)
        compareTypes(old, new)
        compareCodeLists(old, new)
    }

    // MARK: Interfaces

    private mutating func compareInterfaces(_ old: ProtocolModel, _ new: ProtocolModel) {
        var unmatched = new.interfaces
        for before in old.interfaces {
            let index = unmatched.firstIndex { $0.name == before.name } ?? unmatched.firstIndex { $0.code != nil && $0.code == before.code }
            guard let index else {
                add(.wire, "interface \(before.name)", before.citedSource, "interface removed", old: before.location, new: nil)
                continue
            }
            let after = unmatched.remove(at: index)
            compare(before, after)
        }
        for after in unmatched {
            add(.additive, "interface \(after.name)", after.citedSource, "interface added", old: nil, new: after.location)
        }
    }

    private mutating func compare(_ before: InterfaceModel, _ after: InterfaceModel) {
        let element = "interface \(after.name)"
        func note(_ level: SpecChange.Level, _ message: String) {
            add(level, element, after.citedSource, message, old: before.location, new: after.location)
        }
        func text(_ value: String?) -> String { value ?? "none" }
        if before.name != after.name { note(.source, "renamed from \(before.name) (its Swift method and property)") }
        if before.code != after.code { note(.wire, "code changed from \(text(before.code)) to \(text(after.code))") }
        if before.path != after.path { note(.wire, "path changed from \(text(before.path)) to \(text(after.path))") }
        if before.method != after.method { note(.wire, "method changed from \(text(before.method)) to \(text(after.method))") }
        if before.command != after.command {
            note(.wire, "TCP command changed from \(text(before.command.map(String.init))) to \(text(after.command.map(String.init)))")
        }
        for transport in before.transports where !after.transports.contains(transport) { note(.wire, "no longer served over \(transport)") }
        for transport in after.transports where !before.transports.contains(transport) { note(.additive, "now also served over \(transport)") }
        if before.server != after.server { note(.wire, "served by \(after.server) instead of \(before.server)") }
        for (side, old, new, oldList, newList) in [
            ("request", before.request, after.request, before.requestIsList, after.requestIsList),
            ("response", before.response, after.response, before.responseIsList, after.responseIsList),
        ] {
            if old != new { note(.wire, "\(side) table changed from \(text(old)) to \(text(new))") }
            if oldList != newList { note(.wire, newList ? "\(side) is now a list" : "\(side) is no longer a list") }
        }
        if before.published != after.published { note(after.published ? .additive : .wire, after.published ? "now published" : "no longer published") }
        if before.authenticated != after.authenticated {
            note(.wire, after.authenticated ? "now needs an access token" : "no longer takes an access token")
        }
        if before.idempotent != after.idempotent {
            note(.source, after.idempotent ? "now retried after a token refusal" : "no longer retried after a token refusal")
        }
        if before.label != after.label { note(.editorial, "label changed from \(before.label) to \(after.label)") }
        if before.source != after.source { note(.editorial, "source changed from \(before.source) to \(after.source)") }
        if before.direction != after.direction { note(.editorial, "direction changed from \(text(before.direction)) to \(text(after.direction))") }
        if before.note != after.note { note(.editorial, "note changed") }
    }

    // MARK: Tables

    private mutating func compareTypes(_ old: ProtocolModel, _ new: ProtocolModel) {
        var unmatched = new.types
        for before in old.types {
            let index = unmatched.firstIndex { $0.name == before.name } ?? unmatched.firstIndex { $0.swiftName == before.swiftName }
            guard let index else {
                add(.source, before.name, before.citedSource, "table removed (its Swift type \(before.swiftName))", old: before.location, new: nil)
                continue
            }
            let after = unmatched.remove(at: index)
            compare(before, after, oldModel: old, newModel: new)
        }
        for after in unmatched {
            add(.additive, after.name, after.citedSource, "table added", old: nil, new: after.location)
        }
    }

    private mutating func compare(_ before: TypeModel, _ after: TypeModel, oldModel: ProtocolModel, newModel: ProtocolModel) {
        func note(_ level: SpecChange.Level, _ message: String) {
            add(level, after.name, after.citedSource, message, old: before.location, new: after.location)
        }
        if before.name != after.name { note(.editorial, "renamed from \(before.name)") }
        if before.swiftName != after.swiftName { note(.source, "Swift type renamed from \(before.swiftName) to \(after.swiftName)") }
        if before.label != after.label { note(.editorial, "label changed from \(before.label) to \(after.label)") }
        if before.source != after.source { note(.editorial, "source changed from \(before.source) to \(after.source)") }
        if before.note != after.note { note(.editorial, "note changed") }
        let oldRules = Set(before.rules.map(\.text))
        let newRules = Set(after.rules.map(\.text))
        for rule in after.rules where !oldRules.contains(rule.text) { note(.wire, "rule added: \(rule.text)") }
        for rule in before.rules where !newRules.contains(rule.text) { note(.additive, "rule removed: \(rule.text)") }

        var unmatched = after.fields
        for field in before.fields {
            if let index = unmatched.firstIndex(where: { $0.name == field.name }) {
                compare(field, unmatched.remove(at: index), in: after, oldModel: oldModel, newModel: newModel)
            } else if let index = unmatched.firstIndex(where: { $0.aliases.contains(field.name) }) {
                let renamed = unmatched.remove(at: index)
                let swift = renamed.swiftName == field.swiftName ? "" : "; its Swift property from \(field.swiftName) to \(renamed.swiftName)"
                add(
                    swift.isEmpty ? .additive : .source, "\(after.name).\(renamed.name)", after.citedSource,
                    "renamed from \(field.name), which is still accepted as an alias\(swift)", old: field.location, new: renamed.location)
                compare(field, renamed, in: after, oldModel: oldModel, newModel: newModel)
            } else {
                add(.wire, "\(after.name).\(field.name)", after.citedSource, "field removed", old: field.location, new: nil)
            }
        }
        for field in unmatched {
            add(
                field.required ? .wire : .additive, "\(after.name).\(field.name)", after.citedSource,
                field.required ? "required field added" : "optional field added", old: nil, new: field.location)
        }
    }

    private mutating func compare(_ before: FieldModel, _ after: FieldModel, in type: TypeModel, oldModel: ProtocolModel, newModel: ProtocolModel) {
        let element = "\(type.name).\(after.name)"
        func note(_ level: SpecChange.Level, _ message: String) {
            add(level, element, type.citedSource, message, old: before.location, new: after.location)
        }
        let oldType = before.type.documentName(in: oldModel)
        let newType = after.type.documentName(in: newModel)
        if oldType != newType { note(.wire, "type changed from \(oldType) to \(newType)") }
        if before.required != after.required { note(after.required ? .wire : .additive, after.required ? "now required" : "now optional") }
        // A rename (matched through an alias) is reported once, with its Swift name.
        let renamed = before.name != after.name
        if !renamed, before.swiftName != after.swiftName { note(.source, "Swift property renamed from \(before.swiftName) to \(after.swiftName)") }
        limit("maxLength", before.maxLength, after.maxLength, tighterWhenLower: true, note)
        if before.exactLength != after.exactLength {
            note(after.exactLength == nil ? .additive : .wire, "exact length changed from \(show(before.exactLength)) to \(show(after.exactLength))")
        }
        limit("scale", before.scale, after.scale, tighterWhenLower: true, note)
        limit("maxItems", before.maxItems, after.maxItems, tighterWhenLower: true, note)
        limit("minItems", before.minItems, after.minItems, tighterWhenLower: false, note)
        bound("maximum", before.maximum, after.maximum, tighterWhenLower: true, note)
        bound("minimum", before.minimum, after.minimum, tighterWhenLower: false, note)
        for alias in before.aliases where !after.aliases.contains(alias) { note(.wire, "alias \(alias) no longer accepted") }
        for alias in after.aliases where !before.aliases.contains(alias) && alias != before.name { note(.additive, "alias \(alias) now accepted") }
        if before.unit != after.unit { note(.wire, "unit changed from \(before.unit ?? "none") to \(after.unit ?? "none")") }
        compareValues(before, after, note)
        if before.label != after.label { note(.editorial, "label changed from \(before.label) to \(after.label)") }
        if before.description != after.description { note(.editorial, "description changed") }
        if before.note != after.note { note(.editorial, "note changed") }
    }

    /// Documented values: a field's own, or the code list it names (whose entries the code
    /// list comparison reports).
    private func compareValues(_ before: FieldModel, _ after: FieldModel, _ note: (SpecChange.Level, String) -> Void) {
        switch (before.enumeration, after.enumeration) {
        case (nil, nil):
            return
        case (nil, .some):
            note(.wire, "values now restricted to the documented ones")
        case (.some, nil):
            note(.additive, "values no longer restricted")
        case (let old?, let new?):
            if before.usesCodeList || after.usesCodeList {
                if !(before.usesCodeList && after.usesCodeList && old.swiftName == new.swiftName) {
                    note(.wire, "values now from \(after.usesCodeList ? "code list \(new.swiftName)" : "the field's own list") instead of \(before.usesCodeList ? "code list \(old.swiftName)" : "its own list")")
                }
                return
            }
            compareCases(old, new) { level, message, _, _ in note(level, message) }
        }
        if before.extensions != after.extensions {
            let widened = after.extensions.map { new in before.extensions.map { new.contains($0.lowerBound) && new.contains($0.upperBound) } ?? true } ?? false
            note(widened ? .additive : .wire, "extension range changed from \(before.extensions.map { "\($0)" } ?? "none") to \(after.extensions.map { "\($0)" } ?? "none")")
        }
    }

    private func compareCases(
        _ old: EnumModel, _ new: EnumModel, _ report: (SpecChange.Level, String, SourceLocation?, SourceLocation?) -> Void
    ) {
        let newCases = Dictionary(new.cases.map { ($0.wire, $0) }, uniquingKeysWith: { first, _ in first })
        let oldWires = Set(old.cases.map(\.wire))
        for value in old.cases {
            guard let now = newCases[value.wire] else {
                report(.wire, "value \(value.wire) (\(value.meaning)) removed", value.location, nil)
                continue
            }
            if now.fullMeaning != value.fullMeaning {
                report(.wire, "value \(value.wire) now means \(now.fullMeaning) (was \(value.fullMeaning))", value.location, now.location)
            } else if now.swiftName != value.swiftName {
                report(.source, "value \(value.wire): Swift case renamed from \(value.swiftName) to \(now.swiftName)", value.location, now.location)
            }
        }
        for value in new.cases where !oldWires.contains(value.wire) {
            report(.additive, "value \(value.wire) (\(value.meaning)) added", nil, value.location)
        }
    }

    // MARK: Code lists

    private mutating func compareCodeLists(_ old: ProtocolModel, _ new: ProtocolModel) {
        let newLists = Dictionary(new.codeLists.map { ($0.swiftName, $0) }, uniquingKeysWith: { first, _ in first })
        for list in old.codeLists {
            let element = "code list \(list.swiftName)"
            guard let now = newLists[list.swiftName] else {
                add(.source, element, list.citedSource, "code list removed", old: list.location, new: nil)
                continue
            }
            var found: [SpecChange] = []
            compareCases(list, now) { level, message, old, new in
                found.append(SpecChange(
                    level: level, protocolName: protocolName, element: element, source: now.citedSource, message: message, old: old ?? list.location,
                    new: new ?? now.location))
            }
            changes += found
            if list.label != now.label { add(.editorial, element, now.citedSource, "label changed from \(list.label) to \(now.label)", old: list.location, new: now.location) }
        }
        for list in new.codeLists where !old.codeLists.contains(where: { $0.swiftName == list.swiftName }) {
            add(.additive, "code list \(list.swiftName)", list.citedSource, "code list added", old: nil, new: list.location)
        }
    }

    // MARK: Limits

    private func show(_ value: Int?) -> String { value.map(String.init) ?? "none" }

    /// An integer limit; "tighter" is lower for maxima, higher for minima, and a new limit
    /// where there was none.
    private func limit(_ name: String, _ old: Int?, _ new: Int?, tighterWhenLower: Bool, _ note: (SpecChange.Level, String) -> Void) {
        guard old != new else { return }
        let tighter: Bool =
            switch (old, new) {
            case (nil, _): true
            case (_, nil): false
            case (let old?, let new?): tighterWhenLower ? new < old : new > old
            }
        note(tighter ? .wire : .additive, "\(name) \(tighter ? "narrowed" : "widened") from \(show(old)) to \(show(new))")
    }

    /// A numeric bound as spec text, compared exactly.
    private func bound(_ name: String, _ old: String?, _ new: String?, tighterWhenLower: Bool, _ note: (SpecChange.Level, String) -> Void) {
        guard old != new else { return }
        let tighter: Bool =
            switch (old.flatMap(ExactNumber.init), new.flatMap(ExactNumber.init)) {
            case (nil, _): true
            case (_, nil): false
            case (let old?, let new?): tighterWhenLower ? ExactNumber.compareValues(new, old) < 0 : ExactNumber.compareValues(new, old) > 0
            }
        note(tighter ? .wire : .additive, "\(name) \(tighter ? "narrowed" : "widened") from \(old ?? "none") to \(new ?? "none")")
    }
}
