import DB4403Wire
import EVCSWire
import InterchangeRuntime
import TomdaWire
import YinliWire
import YouxingWire

extension InterchangeTool {
    /// The registry: every protocol this package ships, one line each. A new protocol adds
    /// its wire module's descriptor here (or a tool built on `InterchangeTool` passes its own).
    public static let bundledProtocols: [any ProtocolDescriptor] = [
        DB4403Descriptor(),
        EVCSDescriptor(),
        YouxingDescriptor(),
        TomdaDescriptor(),
        YinliDescriptor(),
    ]
}
