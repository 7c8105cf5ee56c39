"""What a one-file run imports, and what each import costs: ``python -X importtime``, aggregated.

    python bench/importtime.py [--repeat R] [--top K] [FILE]

Runs ``conflict-lint lint --no-cache --format json --fail-on never FILE`` under
``python -X importtime`` (FILE defaults to ``records/2020-ayorou-attack.yaml``, the pre-commit
case, copied into an empty temporary directory so that no settings file is found, as in
``bench/run.py``) R times after one untimed run that writes the bytecode, and prints, for the K
imports with the largest median cumulative time, the median self and cumulative microseconds
over the runs. One run's figures are too noisy on a shared machine to compare a change by; the
medians of 15 are steadier. The last line counts the modules imported and sums the median self
times.

``-X importtime`` times only the ``import`` statement: modules loaded with
``importlib.import_module`` (the rule registry loads the rules so) would be missing, with all
they import. The child therefore routes ``importlib.import_module`` of absolute names through
``__import__``, which loads the same module, so that they are counted too.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT / "records" / "2020-ayorou-attack.yaml"
# Bytecode as a user has it (see bench/run.py): without it every start compiles our modules.
CHILD_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


CHILD = """\
import importlib, sys
_import_module = importlib.import_module
def _counted(name, package=None):
    if name.startswith("."):
        return _import_module(name, package)
    __import__(name)
    return sys.modules[name]
importlib.import_module = _counted
from linter.__main__ import main
main()
"""


def one_run(path: Path, work: Path) -> dict[str, tuple[int, int]]:
    """Module name -> (self µs, cumulative µs) of one process."""
    command = [sys.executable, "-X", "importtime", "-c", CHILD, "lint", "--no-cache", "--format", "json",
               "--fail-on", "never", path.name]
    done = subprocess.run(command, cwd=work, env=CHILD_ENV, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    times: dict[str, tuple[int, int]] = {}
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = line.removeprefix("import time:").split("|")
        times[name.strip()] = (int(own), int(cumulative))
    return times


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--repeat", type=int, default=15, help="runs; medians are shown (default 15)")
    parser.add_argument("--top", type=int, default=40, help="rows to print (default 40)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be >= 1")
    with tempfile.TemporaryDirectory(prefix="conflict-lint-importtime-") as temporary:
        work = Path(temporary)
        shutil.copyfile(args.file, work / args.file.name)
        one_run(args.file, work)  # writes the bytecode; untimed
        runs = [one_run(args.file, work) for _ in range(args.repeat)]
    names = {name for run in runs for name in run}
    # A module missing from a run (imported there by another path) counts as 0 in that run.
    rows = []
    for name in names:
        own = statistics.median(run.get(name, (0, 0))[0] for run in runs)
        cumulative = statistics.median(run.get(name, (0, 0))[1] for run in runs)
        rows.append((cumulative, own, name))
    rows.sort(reverse=True)
    print(f"python -X importtime: conflict-lint lint --no-cache {args.file.name}, median of {args.repeat} runs")
    print(f"{'self us':>9} {'cumul us':>9}  module")
    for cumulative, own, name in rows[:args.top]:
        print(f"{own:>9.0f} {cumulative:>9.0f}  {name}")
    print(f"{len(names)} modules imported; median self times sum to "
          f"{sum(own for _, own, _ in rows) / 1000:.1f} ms")


if __name__ == "__main__":
    main()
