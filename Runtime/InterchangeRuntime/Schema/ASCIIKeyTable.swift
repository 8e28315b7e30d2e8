/// The names and aliases of a table's fields as bytes, so that a key read as bytes finds its
/// field without making a `String` or hashing one: FNV-1a over the bytes into an
/// open-addressing table.
///
/// Only for tables whose names are all ASCII, and only for ASCII keys: ASCII text is
/// canonically equal to other text only when the bytes are equal, whereas a non-ASCII key can
/// equal an ASCII name canonically (the Kelvin sign and K), which only the text comparison sees.
struct ASCIIKeyTable: Sendable {
    /// Every field's name at its position, then the aliases, one after another.
    private let text: [UInt8]
    /// Where each name is in `text`.
    private let ranges: [Range<Int>]
    /// The field each name spells.
    private let positions: [Int]
    /// Indices into `ranges`, -1 for an empty slot; a power of two long.
    private let slots: [Int]

    /// Nil when a name or alias is not ASCII.
    init?(fields: [FieldSchema]) {
        var spellings = fields.enumerated().map { (name: Array($0.element.name.utf8), position: $0.offset) }
        for (position, field) in fields.enumerated() {
            spellings += field.aliases.map { (name: Array($0.utf8), position: position) }
        }
        guard spellings.allSatisfy({ $0.name.allSatisfy { $0 < 0x80 } }) else { return nil }
        var capacity = 4
        while capacity < spellings.count * 2 { capacity *= 2 }
        var slots = [Int](repeating: -1, count: capacity)
        for (index, spelling) in spellings.enumerated() {
            var slot = spelling.name.withUnsafeBufferPointer { Self.hash($0) } & (capacity - 1)
            var taken = false
            while slots[slot] >= 0 {
                // A name spelled twice keeps its first field, as the text index does.
                if spellings[slots[slot]].name == spelling.name { taken = true; break }
                slot = (slot + 1) & (capacity - 1)
            }
            if !taken { slots[slot] = index }
        }
        var text: [UInt8] = []
        var ranges: [Range<Int>] = []
        for spelling in spellings {
            ranges.append(text.count..<text.count + spelling.name.count)
            text += spelling.name
        }
        self.text = text
        self.ranges = ranges
        self.positions = spellings.map(\.position)
        self.slots = slots
    }

    /// What a key's bytes say about its field.
    enum Match {
        /// The field at this position.
        case field(Int)
        /// The key is ASCII and no name or alias: no field.
        case noField
        /// The key is not ASCII: only its text can tell.
        case undecided
    }

    /// The field `key` names; `hint` (a position) is tried first.
    func match(_ key: UnsafeBufferPointer<UInt8>, hint: Int) -> Match {
        if let position = position(of: key, hint: hint) { return .field(position) }
        return key.allSatisfy { $0 < 0x80 } ? .noField : .undecided
    }

    private func position(of key: UnsafeBufferPointer<UInt8>, hint: Int) -> Int? {
        text.withUnsafeBufferPointer { text in
            func spells(_ index: Int) -> Bool { UTF8Counting.equal(UnsafeBufferPointer(rebasing: text[ranges[index]]), key) }
            // Names come first, each at its field's position.
            if hint < positions.count, positions[hint] == hint, spells(hint) { return hint }
            var slot = Self.hash(key) & (slots.count - 1)
            while true {
                let index = slots[slot]
                guard index >= 0 else { return nil }
                if spells(index) { return positions[index] }
                slot = (slot + 1) & (slots.count - 1)
            }
        }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash)
    }
}
