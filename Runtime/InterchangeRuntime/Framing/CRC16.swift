/// CRC-16/XMODEM (CCITT polynomial 0x1021, initial value 0, no reflection, no final XOR):
/// the checksum of many binary frame formats.
public enum CRC16 {
    private static let table: [UInt16] = (0..<256).map { byte in
        var crc = UInt16(byte) << 8
        for _ in 0..<8 { crc = crc & 0x8000 != 0 ? crc << 1 ^ 0x1021 : crc << 1 }
        return crc
    }

    /// The CRC-16/XMODEM of `bytes` (polynomial 0x1021, initial 0), continuing from `crc`.
    public static func xmodem(_ bytes: some Sequence<UInt8>, continuing crc: UInt16 = 0) -> UInt16 {
        var crc = crc
        for byte in bytes { crc = crc << 8 ^ table[Int(UInt8(crc >> 8) ^ byte)] }
        return crc
    }
}
