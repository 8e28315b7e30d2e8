import InterchangeCompiler

/// One spec file of any bytes beside a valid protocol file, through the whole compiler:
/// YAML, parsing, checking and, when it checks, Swift generation.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpecLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let protocolFile = SpecSource(
        displayPath: "Specs/Fuzz/protocol.yaml", relativePath: "Fuzz/protocol.yaml",
        text: "protocol:\n  name: Fuzz\n  title: Fuzz\n  citation: FUZZ 1\n  roles:\n    a: A\n    b: B\n")
    let file = SpecSource(displayPath: "Specs/Fuzz/types.yaml", relativePath: "Fuzz/types.yaml", contents: Array(UnsafeBufferPointer(start: data, count: size)))
    let compiler = Compiler()
    let checked = compiler.check([protocolFile, file])
    if !checked.models.isEmpty { _ = compiler.generate(checked.models) }
    return 0
}
