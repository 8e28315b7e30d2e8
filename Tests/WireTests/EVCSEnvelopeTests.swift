import EVCS
import EVCSWire
import InterchangeRuntime
import Testing

@Suite struct EVCSEnvelopeTests {
    static let secrets = EVCSSecrets(
        operatorID: "123456789", dataSecret: "1234567890abcdef", dataSecretIV: "1234567890abcdef", sigSecret: "1234567890abcdef")
    let envelope = EVCSEnvelope(secrets: Self.secrets)
    let plaintext = Array(#"{"total":1,"stationStatusInfo":{"operationID":"123456789","stationID":"111111111111111","connectorStatusInfos":{"connectorID":1,"equipmentID":"10000000000000000000001","status":4,"currentA":0,"currentB":0,"currentC":0,"voltageA":0,"voltageB":0,"voltageC":0,"soc":10,}}}"#.utf8)

    /// B.3.3 + B.3.4 through the envelope: the published Data and Sig.
    @Test func publishedVectorThroughTheEnvelope() throws {
        let request = try envelope.request(data: plaintext, timeStamp: "20160729142400", seq: "0001")
        #expect(request["Sig"] == .string("745166E8C43C84D37FFEC0F529C4136F"))
        #expect(request["Data"].map { if case .string(let text) = $0 { text.hasPrefix("il7B0BSEjFdzpyKzfOFpvg") } else { false } } == true)
        let opened = try envelope.openRequest(JSONWriter().bytes(request))
        #expect(opened.plaintext == plaintext)
        #expect(opened.operatorID == "123456789")
        #expect(opened.seq == "0001")
    }

    @Test func tamperedRequestsAreRejectedWith4001() throws {
        let request = try envelope.request(data: Array(#"{"a":1}"#.utf8), timeStamp: "20160729142400", seq: "0001")
        let tampered = JSONWriter().string(request).replacingOccurrences(of: "\"0001\"", with: "\"0002\"")
        do {
            _ = try envelope.openRequest(Array(tampered.utf8))
            Issue.record("expected a signature error")
        } catch {
            #expect(error.kind == .badSignature)
            #expect(EVCSEnvelope.ret(for: error).rawValue == 4001)
        }
    }

    @Test func missingMembersAre4003() {
        do {
            _ = try envelope.openRequest(Array(#"{"OperatorID":"1","Data":"x","TimeStamp":"20160729142400","Sig":"A"}"#.utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error == EnvelopeError(.missingMember, "'Seq' is missing"))
            #expect(EVCSEnvelope.ret(for: error).rawValue == 4003)
        }
    }

    @Test func responsesRoundTripAndSignRetMsgData() throws {
        let response = try envelope.response(ret: 0, msg: "请求成功", data: Array(#"{"Status":0}"#.utf8))
        let opened = try envelope.openResponse(JSONWriter().bytes(response))
        #expect(opened.ret == 0)
        #expect(opened.msg == "请求成功")
        #expect(opened.plaintext == Array(#"{"Status":0}"#.utf8))
        let tampered = JSONWriter().string(response).replacingOccurrences(of: "请求成功", with: "请求失败")
        #expect(throws: EnvelopeError(.badSignature, "Sig does not match Ret+Msg+Data")) { try envelope.openResponse(Array(tampered.utf8)) }
    }

    @Test func profileCasingAndLowerHexForDeviatingPeers() throws {
        let peer = EVCSEnvelope(secrets: Self.secrets, profile: PeerProfile(signatureHexCase: .lower, envelopeKeyCasing: .lowerCamel))
        let request = try peer.request(data: plaintext, timeStamp: "20160729142400", seq: "0001")
        #expect(request["sig"] == .string("745166e8c43c84d37ffec0f529c4136f"))
        #expect(request["operatorID"] == .string("123456789"))
        #expect(try peer.openRequest(JSONWriter().bytes(request)).plaintext == plaintext)
        let lenient = EVCSEnvelope(secrets: Self.secrets, profile: PeerProfile(acceptsAnySignatureCase: true))
        let upper = try envelope.request(data: plaintext, timeStamp: "20160729142400", seq: "0001")
        let lowered = JSONWriter().string(upper).replacingOccurrences(of: "745166E8C43C84D37FFEC0F529C4136F", with: "745166e8c43c84d37ffec0f529c4136f")
        #expect(throws: Never.self) { try lenient.openRequest(Array(lowered.utf8)) }
        #expect(throws: EnvelopeError.self) { try envelope.openRequest(Array(lowered.utf8)) }
    }

    @Test func wrongSecretsCannotDecrypt() throws {
        let other = EVCSEnvelope(secrets: EVCSSecrets(operatorID: "123456789", dataSecret: "abcdef1234567890", dataSecretIV: "abcdef1234567890", sigSecret: "1234567890abcdef"))
        let request = try envelope.request(data: plaintext, timeStamp: "20160729142400", seq: "0001")
        do {
            _ = try other.openRequest(JSONWriter().bytes(request))
            Issue.record("expected a decryption error")
        } catch {
            #expect(error.kind == .undecryptable)
        }
    }

    @Test func sequencerCountsWithinASecondAndRestarts() throws {
        var sequencer = EVCSSequencer()
        let t = LocalDateTime("2016-07-29 14:24:00")!.epochSeconds()
        #expect(try sequencer.next(at: EpochSeconds(t)) == ("20160729142400", "0001"))
        #expect(try sequencer.next(at: EpochSeconds(t)) == ("20160729142400", "0002"))
        #expect(try sequencer.next(at: EpochSeconds(t + 1)) == ("20160729142401", "0001"))
        #expect(throws: ClientError.self) { try sequencer.next(at: EpochSeconds(Int64.max)) }
    }

    /// Clients start each second at a random Seq, so two processes of one operator sending the
    /// same data in the same second are not taken for a replay; within the second it counts up.
    @Test func aRandomStartCountsUpFromAnywhere() throws {
        var starts = Set<String>()
        for _ in 0..<20 {
            var sequencer = EVCSSequencer(randomStart: true)
            let first = try sequencer.next(at: 1_469_773_440)
            let second = try sequencer.next(at: 1_469_773_440)
            #expect(first.seq.count == 4 && second.seq.count == 4)
            let (before, after) = (try #require(Int(first.seq)), try #require(Int(second.seq)))
            #expect(after == before % 9999 + 1)
            starts.insert(first.seq)
        }
        #expect(starts.count > 1)
    }

    @Test func epochConversionsAreExact() {
        #expect(LocalDateTime(epochSeconds: 0, utcOffset: 0)?.description == "1970-01-01 00:00:00")
        #expect(LocalDateTime(epochSeconds: 1_469_773_440)?.description == "2016-07-29 14:24:00")
        #expect(LocalDateTime("2024-02-29 23:59:59")!.epochSeconds(utcOffset: 0) == 1_709_251_199)
        #expect(LocalDateTime(compact: "20240229235959")?.description == "2024-02-29 23:59:59")
        #expect(LocalDateTime(compact: "20230229000000") == nil)
    }
}
