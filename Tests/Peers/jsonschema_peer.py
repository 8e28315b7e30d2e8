"""Peer check: Python's jsonschema (2020-12) must agree with Interchange's validators.

Exports each protocol's schemas with `interchange export jsonschema`, validates the test
fixtures against them, and compares each verdict (valid / invalid) with the one the Swift
tests assert. Usage: python3 Tests/Peers/jsonschema_peer.py PATH/TO/interchange
"""
import decimal
import json
import pathlib
import subprocess
import sys
import tempfile

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "Tests" / "Fixtures"
# fixture, protocol, schema, whether Interchange finds errors in it
CASES = [
    ("DB4403/parkInfo-valid.json", "db4403", "parkInfo", False),
    ("DB4403/parkInfo-invalid.json", "db4403", "parkInfo", True),
    ("DB4403/D10-parkInfo.json", "db4403", "parkInfo", True),
    ("DB4403/D19-parkRecordInfo.json", "db4403", "parkRecordInfo", True),
    ("DB4403/parkRecordInfo-valid.json", "db4403", "parkRecordInfo", False),
    ("DB4403/parkOrder-valid.json", "db4403", "parkOrder", False),
    ("DB4403/parkOrder-invalid.json", "db4403", "parkOrder", True),
    ("DB4403/discountRecord-valid.json", "db4403", "discountRecord", False),
    ("DB4403/discountRecord-invalid.json", "db4403", "discountRecord", True),
    ("DB4403/monthlyRentalLease-valid.json", "db4403", "monthlyRentalLease", False),
    ("DB4403/monthlyRentalLease-invalid.json", "db4403", "monthlyRentalLease", True),
    ("EVCS/notification-charge-order-info.json", "evcs", "notificationChargeOrderInfoRequest", False),
    ("EVCS/notification-charge-order-info-alias.json", "evcs", "notificationChargeOrderInfoRequest", False),
    ("EVCS/notification-charge-order-info-conflict.json", "evcs", "notificationChargeOrderInfoRequest", True),
    ("EVCS/B34-query-stations-info-data.json", "evcs", "queryStationsInfoResponse", True),
    ("Partners/youxing-2.3-response-data.json", "youxing", "orderInfo", True),
    ("Partners/yinli-1.1-request.json", "yinli", "synchronizeRequest", False),
    ("Partners/yinli-1.1-response.json", "yinli", "synchronizeResponse", False),
]


def registry(directory):
    resources = []
    for path in pathlib.Path(directory).rglob("*.schema.json"):
        uri = "file:///schemas/" + path.relative_to(directory).as_posix()
        resources.append((uri, Resource.from_contents(json.loads(path.read_text("utf-8")))))
    return Registry().with_resources(resources)


def main():
    interchange = sys.argv[1]
    disagreements = 0
    with tempfile.TemporaryDirectory() as temporary:
        registries = {}
        for protocol in sorted({case[1] for case in CASES}):
            out = pathlib.Path(temporary) / protocol
            subprocess.run([interchange, "export", "jsonschema", protocol, "--out", str(out)], check=True, capture_output=True)
            registries[protocol] = registry(out)
        for fixture, protocol, schema, invalid in CASES:
            validator = Draft202012Validator({"$ref": f"file:///schemas/{schema}.schema.json"}, registry=registries[protocol])
            instance = json.loads((FIXTURES / fixture).read_text("utf-8"), parse_float=decimal.Decimal)
            errors = list(validator.iter_errors(instance))
            agrees = bool(errors) == invalid
            disagreements += not agrees
            print(f"{'ok  ' if agrees else 'DIFF'} {fixture}: jsonschema {'invalid' if errors else 'valid'}, Interchange {'invalid' if invalid else 'valid'}")
            if not agrees and errors:
                print(f"     first: {'/'.join(map(str, errors[0].absolute_path))}: {errors[0].message}")
    print(f"{len(CASES) - disagreements} passed, {disagreements} failed")
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
