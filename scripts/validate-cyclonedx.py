#!/usr/bin/env python3
"""Validates CycloneDX 1.6 JSON files against the schema with cyclonedx-python-lib.

Usage: validate-cyclonedx.py FILE...
Exit 0 when every file is valid; 1 (printing the errors) when one is not; 2 when the library
is missing (install: pip install 'cyclonedx-python-lib[json-validation]').
"""
import sys

try:
    from cyclonedx.schema import SchemaVersion
    from cyclonedx.validation.json import JsonStrictValidator
except ImportError as e:  # pragma: no cover
    print(f"cyclonedx-python-lib[json-validation] is not installed: {e}", file=sys.stderr)
    sys.exit(2)


def main(paths):
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    validator = JsonStrictValidator(SchemaVersion.V1_6)
    failed = False
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            errs = validator.validate_str(fh.read())
        if errs:
            failed = True
            print(f"{path}: INVALID: {errs!r}")
        else:
            print(f"{path}: valid CycloneDX 1.6")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
