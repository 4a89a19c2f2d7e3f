#!/usr/bin/python3
"""Validates TOML files against libcycle's JSON Schemas (schemas/*.json).

usage: validate_schema.py SCHEMA FILE...

Reads each FILE with tomllib (TOML dates become ISO strings, as in editors
that validate TOML with JSON Schema) and prints one line per file:
"valid FILE" or "invalid FILE: <first error>". Exit 0 when every file is
valid, 1 otherwise, 2 when the schema itself is not a valid Draft 7 schema.
Runs under Debian's /usr/bin/python3 with python3-jsonschema.
"""
import datetime
import json
import sys
import tomllib

import jsonschema


def as_json(value):
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, (datetime.date, datetime.time, datetime.datetime)):
        return value.isoformat()
    return value


def main(argv):
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    try:
        jsonschema.Draft7Validator.check_schema(schema)
    except jsonschema.SchemaError as e:
        print(f"schema error: {e.message}")
        return 2
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    failed = False
    for path in argv[2:]:
        try:
            with open(path, "rb") as f:
                data = as_json(tomllib.load(f))
        except tomllib.TOMLDecodeError as e:
            print(f"invalid {path}: TOML: {e}")
            failed = True
            continue
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
        if errors:
            where = "/".join(str(p) for p in errors[0].absolute_path)
            print(f"invalid {path}: {where}: {errors[0].message}")
            failed = True
        else:
            print(f"valid {path}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
