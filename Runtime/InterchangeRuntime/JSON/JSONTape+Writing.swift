extension JSONTape {
    /// Appends the value at `index` as `JSONWriter(keyOrder:)` writes it, straight from the
    /// received bytes: numbers as received, strings without escapes copied whole, keys sorted by
    /// their UTF-8 where `keyOrder` sorts. The signed form of a message read as a tape, without
    /// building its tree.
    public func write(at index: Int = 0, keyOrder: JSONWriter.KeyOrder, into out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { text in
            var keys: [Int] = []
            write(index, text, sorting: keyOrder != .asGiven, nested: keyOrder == .sortedRecursively, keys: &keys, into: &out)
        }
    }

    /// `keys` is scratch space shared by every object, each using the part past its parent's.
    private func write(
        _ index: Int, _ text: UnsafeBufferPointer<UInt8>, sorting: Bool, nested: Bool, keys: inout [Int], into out: inout [UInt8]
    ) {
        let entry = entries[index]
        switch entry.kind {
        case .null, .true, .false, .number:
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[Int(entry.start)..<Int(entry.end)]))
        case .string:
            writeString(index, text, into: &out)
        case .array:
            out.append(UInt8(ascii: "["))
            var child = index + 1
            while child < Int(entry.next) {
                if child > index + 1 { out.append(UInt8(ascii: ",")) }
                write(child, text, sorting: nested, nested: nested, keys: &keys, into: &out)
                child = Int(entries[child].next)
            }
            out.append(UInt8(ascii: "]"))
        case .object:
            let first = keys.count
            var key = index + 1
            while key < Int(entry.next) {
                keys.append(key)
                key = Int(entries[key + 1].next)
            }
            if sorting {
                // Most keys differ in their first eight bytes, compared as one number.
                var order = keys[first...].map { (prefix: keyPrefix($0, text), key: $0) }
                order.sort { $0.prefix != $1.prefix ? $0.prefix < $1.prefix : keyPrecedes($0.key, $1.key, text) }
                for (offset, item) in order.enumerated() { keys[first + offset] = item.key }
            }
            out.append(UInt8(ascii: "{"))
            for (position, key) in keys[first...].enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                writeString(key, text, into: &out)
                out.append(UInt8(ascii: ":"))
                write(key + 1, text, sorting: nested, nested: nested, keys: &keys, into: &out)
            }
            keys.removeSubrange(first...)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A string's bytes need no escaping unless the sender escaped something (the reader took
    /// no raw quote, backslash or control character), so they are copied whole.
    private func writeString(_ index: Int, _ text: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let entry = entries[index]
        guard entry.hasEscapes else {
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[Int(entry.start)..<Int(entry.end)]))
            out.append(UInt8(ascii: "\""))
            return
        }
        JSONWriter.writeString(string(at: index) ?? "", into: &out)
    }

    /// `JSONWriter.sortPrefix` of a key.
    private func keyPrefix(_ key: Int, _ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let entry = entries[key]
        guard !entry.hasEscapes else { return JSONWriter.sortPrefix((string(at: key) ?? "").utf8) }
        return JSONWriter.sortPrefix(UnsafeBufferPointer(rebasing: text[Int(entry.start)..<Int(entry.end)]))
    }

    /// UTF-8 order of two keys, as `JSONWriter` sorts them.
    private func keyPrecedes(_ a: Int, _ b: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let (left, right) = (entries[a], entries[b])
        guard !left.hasEscapes, !right.hasEscapes else {
            return Array((string(at: a) ?? "").utf8).lexicographicallyPrecedes(Array((string(at: b) ?? "").utf8))
        }
        let leftBytes = UnsafeBufferPointer(rebasing: text[Int(left.start)..<Int(left.end)])
        let rightBytes = UnsafeBufferPointer(rebasing: text[Int(right.start)..<Int(right.end)])
        for offset in 0..<min(leftBytes.count, rightBytes.count) where leftBytes[offset] != rightBytes[offset] {
            return leftBytes[offset] < rightBytes[offset]
        }
        return leftBytes.count < rightBytes.count
    }
}
