import InterchangeRuntime

/// The columns of a document table as `describe` and `export markdown` print them.
extension FieldSchema {
    /// 字符长度: the maximum, `=n` for an exact length, or —.
    var lengthColumn: String {
        maxLength.map(String.init) ?? exactLength.map { "=\($0)" } ?? "—"
    }

    /// 说明, in parts: the values with their meanings, the description, unit and scale.
    var remarks: [String] {
        var remarks: [String] = []
        if !values.isEmpty { remarks.append(values.map { "\($0.wire): \($0.meaning)" }.joined(separator: "; ")) }
        if let description { remarks.append(description) }
        if let unit { remarks.append("单位: \(unit)") }
        if let scale { remarks.append("小数点后\(scale)位") }
        return remarks
    }
}
