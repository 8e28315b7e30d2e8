"""The peers an integrator would pick instead, on the benchmark's payloads: orjson parsing plus
jsonschema-rs validation against the schemas `interchange export jsonschema` writes, and msgspec
typed decoding with constraints (Structs built from the same schemas). Prints JSON:
{payload name: {peer: median ns}}. Creates its own virtual environment (.build/bench-venv);
the Swift package never depends on these packages.
"""
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time
import venv

ROOT = pathlib.Path(__file__).resolve().parents[1]
VENV = ROOT / ".build" / "bench-venv"
PACKAGES = ["orjson", "jsonschema-rs", "msgspec"]
# payload name (as interchange-bench names it), file, protocol, schema, part of the payload that is the business data
PAYLOADS = [
    ("DB4403 5004 parkRecordInfo ×2", "db4403-5004.json", "db4403", "parkRecordInfo", "data"),
    ("DB4403 3001 parkInfo", "db4403-3001.json", "db4403", "reportParkInfoRequest", "data"),
    ("EVCS charge order, 4 periods", "evcs-charge-order.json", "evcs", "notificationChargeOrderInfoRequest", None),
    ("Tomda WORK_DATA, 2 connectors", "tomda-work-data.json", "tomda", "workData", "content"),
]


def in_venv():
    python = VENV / "bin" / "python"
    if pathlib.Path(sys.prefix).resolve() == VENV.resolve():
        return
    if not python.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    subprocess.run([str(python), "-m", "pip", "install", "-q", *PACKAGES], check=True, stdout=sys.stderr)
    os.execv(str(python), [str(python), __file__, *sys.argv[1:]])


def interchange():
    """The release `interchange` executable (built if needed) that exports the schemas."""
    subprocess.run(["swift", "build", "-c", "release", "--product", "interchange"], cwd=ROOT, check=True,
                   stdout=sys.stderr, stderr=sys.stderr)
    bin_path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout.strip()
    return str(pathlib.Path(bin_path) / "interchange")


def median_ns(body, quick):
    iterations = 1
    while True:
        start = time.perf_counter_ns()
        for _ in range(iterations):
            body()
        if time.perf_counter_ns() - start > (2_000_000 if quick else 20_000_000):
            break
        iterations *= 2
    samples = []
    for _ in range(3 if quick else 15):
        start = time.perf_counter_ns()
        for _ in range(iterations):
            body()
        samples.append((time.perf_counter_ns() - start) / iterations)
    samples.sort()
    return samples[len(samples) // 2]


def msgspec_type(schema, schemas, structs):
    """A msgspec type with constraints for a JSON Schema property."""
    import msgspec
    from typing import Annotated, List, Optional, Union
    if "anyOf" in schema and {"type": "null"} in schema["anyOf"]:
        inner = [s for s in schema["anyOf"] if s != {"type": "null"}][0]
        return Optional[msgspec_type(inner, schemas, structs)]
    if "$ref" in schema:
        return struct(schema["$ref"].split("/")[-1].replace(".schema.json", ""), schemas, structs)
    kind = schema.get("type")
    meta = {}
    if kind == "string":
        for key in ("maxLength", "minLength", "pattern"):
            if key in schema:
                meta[{"maxLength": "max_length", "minLength": "min_length", "pattern": "pattern"}[key]] = schema[key]
        base = str
    elif kind == "integer":
        meta = {"ge": schema.get("minimum"), "le": schema.get("maximum")}
        base = int
    elif kind == "number":
        base = float
    elif kind == "boolean":
        base = bool
    elif kind == "array":
        return List[msgspec_type(schema["items"], schemas, structs)]
    else:
        base = dict
    meta = {k: v for k, v in meta.items() if v is not None}
    return Annotated[base, msgspec.Meta(**meta)] if meta else base


def struct(name, schemas, structs):
    import msgspec
    if name in structs:
        return structs[name]
    schema = schemas[name]
    required = set(schema.get("required", []))
    fields = []
    structs[name] = None
    for key, prop in schema["properties"].items():
        typ = msgspec_type(prop, schemas, structs)
        fields.append((key, typ) if key in required else (key, typ, None))
    fields.sort(key=lambda f: len(f) == 3)
    structs[name] = msgspec.defstruct(name, fields, forbid_unknown_fields=False)
    return structs[name]


def main():
    in_venv()
    import jsonschema_rs
    import msgspec
    import orjson
    quick = "--quick" in sys.argv
    tool = interchange()
    results = {}
    with tempfile.TemporaryDirectory() as temporary:
        for name, file, protocol, schema_name, part in PAYLOADS:
            out = pathlib.Path(temporary) / protocol
            if not out.exists():
                subprocess.run([tool, "export", "jsonschema", protocol, "--out", str(out)], check=True, capture_output=True)
            schemas = {p.name.replace(".schema.json", ""): json.loads(p.read_text("utf-8")) for p in out.glob("*.schema.json")}
            resources = [(f"file:///schemas/{n}.schema.json", s) for n, s in schemas.items()]
            registry = jsonschema_rs.Registry(resources)
            validator = jsonschema_rs.validator_for({"$ref": f"file:///schemas/{schema_name}.schema.json"}, registry=registry)
            Model = struct(schema_name, schemas, {})
            payload = (ROOT / "Benchmarks" / "payloads" / file).read_bytes()
            select = (lambda doc: doc[part]) if part else (lambda doc: doc)
            objects = select(orjson.loads(payload))
            objects = objects if isinstance(objects, list) else [objects]
            assert all(validator.is_valid(o) for o in objects), f"{file} is not valid for jsonschema-rs"

            def orjson_jsonschema():
                doc = select(orjson.loads(payload))
                for o in (doc if isinstance(doc, list) else [doc]):
                    validator.is_valid(o)

            if part == "data":
                decoder = msgspec.json.Decoder(msgspec.defstruct("Envelope", [("data", list[Model])], forbid_unknown_fields=False))
            elif part:
                decoder = msgspec.json.Decoder(msgspec.defstruct("Push", [(part, Model)], forbid_unknown_fields=False))
            else:
                decoder = msgspec.json.Decoder(Model)
            decoder.decode(payload)
            results[name] = {
                "orjson + jsonschema-rs": median_ns(orjson_jsonschema, quick),
                "msgspec": median_ns(lambda: decoder.decode(payload), quick),
            }
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
