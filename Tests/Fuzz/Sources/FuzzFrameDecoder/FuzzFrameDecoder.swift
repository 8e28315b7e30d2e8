import DB4403Wire
import InterchangeRuntime

/// A byte stream of SZTC frames in chunks whose sizes the input chooses, through the frame
/// decoder and both session machines (server before and after login, client).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrameDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let chunk = bytes.first.map({ Int($0 % 64) + 1 }) else { return 0 }
    let stream = bytes.dropFirst()
    var decoder = FrameDecoder()
    var server = SZTCServerSession(connectedAt: 0)
    var client = SZTCClientSession(loginData: ["userId": "fuzz"])
    _ = client.connected(now: 0)
    var now: EpochMilliseconds = 0
    var start = stream.startIndex
    while start < stream.endIndex {
        let end = min(start + chunk, stream.endIndex)
        let piece = stream[start..<end]
        now += 100
        decoder.append(piece)
        while let frame = try? decoder.next() {
            if frame.command == SessionCommand.login { _ = server.acceptLogin(frame, now: now) }
        }
        _ = server.received(piece, now: now)
        _ = client.received(piece, now: now)
        _ = client.tick(now: now)
        _ = server.tick(now: now)
        start = end
    }
    return 0
}
