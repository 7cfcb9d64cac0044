#!/usr/bin/env python3
"""Sums the TRX result files of a `dotnet test` run into one line: `tests: N passed, N failed`.

A skipped test counts as failed unless its skip reason names a missing optional capability
(the reason contains "[optional:"), e.g. "[optional: CUDA GPU] no CUDA device here".
Exits 1 when anything failed or no test ran at all.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = optional_skips = 0
files = sorted(Path(sys.argv[1]).rglob("*.trx"))
for trx in files:
    root = ET.parse(trx).getroot()
    for result in root.iterfind(".//t:UnitTestResult", NS):
        outcome = result.get("outcome")
        if outcome == "Passed":
            passed += 1
        elif outcome == "NotExecuted":
            text = "".join(result.itertext())
            if "[optional:" in text:
                optional_skips += 1
            else:
                failed += 1
                print(f"skipped without an optional capability: {result.get('testName')}", file=sys.stderr)
        else:
            failed += 1
            print(f"failed: {result.get('testName')}", file=sys.stderr)
if not files:
    print("no TRX files found: the test run did not start", file=sys.stderr)
    failed += 1
line = f"tests: {passed} passed, {failed} failed"
if optional_skips:
    line += f", {optional_skips} skipped"
print(line)
sys.exit(1 if failed or passed == 0 else 0)
