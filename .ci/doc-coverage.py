#!/usr/bin/env python3
"""Documentation coverage of the public API, from symbol graphs.

Usage: doc-coverage.py [--list] SYMBOL_GRAPH_DIR...

Counts every public symbol declared in this repository's sources. A symbol counts as
documented when it has a doc comment, or when it implements a documented requirement of a
protocol its type conforms to (DocC shows the requirement's text), or a requirement of a
standard-library protocol (`description`, `==`, `hash(into:)`, `init(from:)`…). Prints the
figure per module and in total; `--list` also prints every undocumented symbol as
`path:line: name`. Exits 1 when any symbol is undocumented.
"""
import json
import os
import sys

STANDARD_REQUIREMENTS = {
    "description", "hash(into:)", "init(from:)", "encode(to:)", "==(_:_:)", "<(_:_:)", "rawValue",
    "init(rawValue:)", "init(integerLiteral:)", "init(stringLiteral:)", "init(dictionaryLiteral:)",
    "init(arrayLiteral:)", "init(booleanLiteral:)", "init(nilLiteral:)", "init(floatLiteral:)",
    "errorDescription", "localizedDescription", "makeIterator()", "next()",
}

root = os.path.realpath(os.path.join(os.path.dirname(__file__), "..")) + "/"
listing = "--list" in sys.argv
graphs = []
for directory in (a for a in sys.argv[1:] if a != "--list"):
    for name in sorted(os.listdir(directory)):
        if name.endswith(".symbols.json"):
            graphs.append(json.load(open(os.path.join(directory, name))))

symbols = {}
member_of = {}
conforms = {}
requirements = {}
for graph in graphs:
    for symbol in graph["symbols"]:
        symbols.setdefault(symbol["identifier"]["precise"], symbol)
    for relation in graph["relationships"]:
        kind, source, target = relation["kind"], relation["source"], relation["target"]
        if kind == "memberOf":
            member_of[source] = target
        elif kind == "conformsTo":
            conforms.setdefault(source, set()).add(target)
        elif kind in ("requirementOf", "optionalRequirementOf"):
            requirements.setdefault(target, set()).add(source)


def documented(identifier, symbol):
    if symbol.get("docComment"):
        return True
    title = symbol["names"]["title"]
    if title in STANDARD_REQUIREMENTS:
        return True
    parent = member_of.get(identifier)
    for protocol in conforms.get(parent, ()):
        for requirement in requirements.get(protocol, ()):
            other = symbols.get(requirement)
            if other and other["names"]["title"] == title and other.get("docComment"):
                return True
    return False


per_module = {}
missing = []
for graph in graphs:
    module = graph["module"]["name"]
    for symbol in graph["symbols"]:
        location = symbol.get("location", {}).get("uri", "")
        path = location.replace("file://", "")
        if not path.startswith(root):
            continue
        identifier = symbol["identifier"]["precise"]
        total, done = per_module.get(module, (0, 0))
        ok = documented(identifier, symbol)
        per_module[module] = (total + 1, done + ok)
        if not ok:
            line = symbol["location"]["position"]["line"] + 1
            missing.append(f"{path[len(root):]}:{line}: {'.'.join(symbol['pathComponents'])}")

all_total = sum(t for t, _ in per_module.values())
all_done = sum(d for _, d in per_module.values())
for module, (total, done) in sorted(per_module.items()):
    print(f"{module}: {done} of {total} public symbols documented")
print(f"total: {all_done} of {all_total} ({100 * all_done / max(all_total, 1):.1f} %)")
if listing:
    for entry in sorted(set(missing)):
        print(entry)
sys.exit(1 if missing else 0)
