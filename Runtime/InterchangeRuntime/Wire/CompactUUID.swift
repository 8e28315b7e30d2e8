/// A UUID in the 32-character form of 表2 (`C78E319DAB604A268842ACF164774592`: hexadecimal
/// digits, no hyphens). The text is kept as received, letter case included.
public struct CompactUUID: WireText {
    /// The 32 hexadecimal digits as received (their case kept).
    public let text: String

    /// Accepts exactly 32 hexadecimal digits.
    public init?(_ text: String) {
        guard withUTF8(text, CompactUUID.isValid) else { return nil }
        self.text = text
    }

    public var description: String { text }

    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count == 32 && bytes.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
        }
    }
}
