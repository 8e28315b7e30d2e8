"""Peer check: an EVCS client written in Python from T/CEC 102 alone calls `interchange-sim serve`.

It seals its own requests (AES-128-CBC with PKCS7 for Data, HMAC-MD5 over
OperatorID + Data + TimeStamp + Seq for Sig, upper-case hex), fetches a token through
query_token, starts a charge, and checks every answer's Sig (HMAC-MD5 over Ret + Msg + Data)
before decrypting it. It then sends a request with a spoilt Sig and an expired token and
expects the refusals 4001 and 4002. Nothing of Interchange's code is used on this side.
Usage: python3 Tests/Peers/evcs_sim_peer.py PATH/TO/interchange-sim
"""
import base64
import datetime
import hashlib
import hmac
import json
import re
import subprocess
import sys
import urllib.request

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

OPERATOR_ID = "MA5DA0053"
SECRET = b"1234567890abcdef"
PARTNER = {"secrets": {"operator-id": OPERATOR_ID, "data-secret": SECRET.decode(), "data-iv": SECRET.decode(),
                       "sig-secret": SECRET.decode()}}


def encrypt(plaintext: bytes) -> str:
    padder = padding.PKCS7(128).padder()
    encryptor = Cipher(algorithms.AES(SECRET), modes.CBC(SECRET)).encryptor()
    return base64.b64encode(encryptor.update(padder.update(plaintext) + padder.finalize()) + encryptor.finalize()).decode()


def decrypt(data: str) -> bytes:
    decryptor = Cipher(algorithms.AES(SECRET), modes.CBC(SECRET)).decryptor()
    unpadder = padding.PKCS7(128).unpadder()
    padded = decryptor.update(base64.b64decode(data)) + decryptor.finalize()
    return unpadder.update(padded) + unpadder.finalize()


def sig(*parts: str) -> str:
    return hmac.new(SECRET, "".join(parts).encode(), hashlib.md5).hexdigest().upper()


SEQ = iter(range(1, 10000))


def call(base: str, path: str, business: dict, token=None, spoil=False) -> tuple:
    data = encrypt(json.dumps(business, ensure_ascii=False, separators=(",", ":")).encode())
    stamp = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).strftime("%Y%m%d%H%M%S")
    seq = "%04d" % next(SEQ)
    signature = sig(OPERATOR_ID, data, stamp, seq)
    if spoil:
        signature = ("1" if signature[0] == "0" else "0") + signature[1:]
    body = json.dumps({"OperatorID": OPERATOR_ID, "Data": data, "TimeStamp": stamp, "Seq": seq, "Sig": signature}).encode()
    request = urllib.request.Request(base + path, data=body, headers={"Content-Type": "application/json"})
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=10) as response:
        answer = json.loads(response.read())
    if answer["Ret"] == 0 or answer["Data"]:
        expected = sig(str(answer["Ret"]), answer["Msg"], answer["Data"])
        assert hmac.compare_digest(expected, answer["Sig"]), f"{path}: the answer's Sig {answer['Sig']} is not {expected}"
    plain = json.loads(decrypt(answer["Data"])) if answer["Data"] else None
    return answer["Ret"], plain


def main() -> int:
    sim = sys.argv[1]
    with open("/tmp/evcs-sim-peer-partner.json", "w") as file:
        json.dump(PARTNER, file)
    server = subprocess.Popen([sim, "serve", "evcs", "--role", "chargingOperator", "--port", "0", "--partner",
                               "/tmp/evcs-sim-peer-partner.json"], stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        match = re.search(r"http://[\d.]+:\d+", line)
        assert match, f"serve printed {line!r}"
        base = match.group(0)
        ret, token_answer = call(base, "/query_token", {"OperatorID": OPERATOR_ID, "OperatorSecret": SECRET.decode()})
        assert ret == 0 and token_answer["SuccStat"] == 0, token_answer
        token = token_answer["AccessToken"]
        assert token_answer["TokenAvailableTime"] == 7200, token_answer
        ret, started = call(base, "/query_start_charge", {"StartChargeSeq": "MA5DA0053000000000000000001",
                                                          "ConnectorID": "3702120244102_1", "QRCode": "hlht://1"}, token)
        assert ret == 0 and "StartChargeSeqStat" in started, started
        ret, _ = call(base, "/query_stop_charge", {"StartChargeSeq": "MA5DA0053000000000000000001",
                                                   "ConnectorID": "3702120244102_1"}, token, spoil=True)
        assert ret == 4001, f"a spoilt Sig answered {ret}, not 4001"
        ret, _ = call(base, "/query_stop_charge", {"StartChargeSeq": "MA5DA0053000000000000000001",
                                                   "ConnectorID": "3702120244102_1"}, "expired-token")
        assert ret == 4002, f"an unknown token answered {ret}, not 4002"
        print("evcs_sim_peer: query_token, query_start_charge answered and verified; bad Sig 4001, bad token 4002")
        return 0
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
