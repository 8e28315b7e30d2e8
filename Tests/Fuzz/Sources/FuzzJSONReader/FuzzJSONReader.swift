import InterchangeRuntime

/// The JSON reader over any bytes, then the writer over what it read: reading never traps,
/// and what was read writes back to text that reads to the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let value = try? JSONReader().read(bytes) else { return 0 }
    let written = JSONWriter().bytes(value)
    guard let again = try? JSONReader().read(written), again == value else {
        fatalError("written JSON does not read back to the same value")
    }
    return 0
}
