"""Peer check: every OpenAPI document `interchange export openapi` writes is valid OpenAPI 3.1
(openapi-spec-validator). Usage: python3 Tests/Peers/openapi_peer.py PATH/TO/interchange"""
import json
import subprocess
import sys

from openapi_spec_validator import validate

failed = 0
for protocol in ["db4403", "evcs", "youxing", "tomda", "yinli"]:
    document = json.loads(subprocess.run([sys.argv[1], "export", "openapi", protocol], check=True, capture_output=True, text=True).stdout)
    try:
        validate(document)
        print(f"ok   {protocol}: {len(document['paths'])} paths, {len(document['components']['schemas'])} schemas")
    except Exception as error:  # the validator raises several kinds
        failed += 1
        print(f"FAIL {protocol}: {error}")
print(f"{5 - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
