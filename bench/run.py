"""Measure conflict-lint against the YAML parse floor and check-jsonschema, side by side.

    python bench/run.py [--count N] [--repeat R] [--seed S] [--baseline-count M] [--one-file] [--installed]

Generates N records (bench/generate.py) in a temporary directory, then times, in one run and
interleaved so that load on the machine falls on every contender alike:

- the parse floor: ``yaml.compose`` with ``CSafeLoader`` over every file, in this process;
- ``conflict-lint lint`` (all rules, no cache, ``--jobs 1`` and default jobs), whole process;
- ``check-jsonschema --schemafile schemas/conflict.schema.json`` over the same files (at most
  ``--baseline-count`` of them: it takes about 10 ms a record), whole process;
- one-file invocations: ``python -c pass``, check-jsonschema, conflict-lint;
- a cold run (empty cache) against a warm one (same files, cache filled);
- peak memory (maximum resident set) of the ``--jobs 1`` run, which holds everything in one process.

Every figure is the median of ``--repeat`` runs; ratios are of medians. ``--one-file`` times the
one-file rows alone (``python -c pass``, check-jsonschema, conflict-lint without and with a cache
entry), ``3 * --repeat`` samples each, for a quick measure of start-up.

conflict-lint runs from the environment this script runs in, usually a checkout installed in
editable mode (``pip install -e``), while pip installs check-jsonschema as users get it. An
editable install costs every start an import hook (setuptools' finder, with ``pathlib`` and
``importlib.util``) that an installation from a wheel or a git URL (docs/ci.md) does not have.
``--installed`` also times the one-file rows of conflict-lint as a user installs it: a wheel
built from this checkout, installed without its dependencies into a temporary virtual
environment that finds them in this one (a ``.pth`` file), so only the installation mode
differs. Both rows are shown.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCHEMA = ROOT / "schemas" / "conflict.schema.json"
sys.path.insert(0, str(HERE))
import generate  # noqa: E402


def _tool(name: str) -> list[str] | None:
    """A command installed beside this Python (the venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return [str(beside)]
    found = shutil.which(name)
    return [found] if found else None


# Every contender runs as installed for a user: with its bytecode cached. An environment that
# forbids writing bytecode would have conflict-lint, installed in editable mode, compile its
# modules on every start, while pip precompiled check-jsonschema's at install time.
CHILD_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def run_process(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak resident KiB of one process: wait4 reports the largest of the
    process and the workers it has waited for, so a pool's workers are counted too."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env=CHILD_ENV)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{error}")
    return elapsed, usage.ru_maxrss


def parse_floor(files: list[Path]) -> float:
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:
        raise SystemExit("PyYAML has no C loader here (libyaml missing): the parse floor would be wrong")
    start = time.perf_counter()
    for path in files:
        try:  # compose_all: the defective records include a second document and a syntax error
            for _ in yaml.compose_all(path.read_text("utf-8"), Loader=loader):
                pass
        except yaml.YAMLError:
            pass
    return time.perf_counter() - start


class Timings:
    def __init__(self) -> None:
        self.samples: dict[str, list[float]] = {}
        self.memory: dict[str, int] = {}

    def add(self, name: str, seconds: float, rss_kib: int | None = None) -> None:
        self.samples.setdefault(name, []).append(seconds)
        if rss_kib is not None:
            self.memory[name] = max(self.memory.get(name, 0), rss_kib)

    def median(self, name: str) -> float | None:
        values = self.samples.get(name)
        return statistics.median(values) if values else None


def installed_copy(work: Path) -> list[str]:
    """The ``conflict-lint`` command of a wheel of this checkout, installed into a virtual
    environment under ``work`` whose dependencies are this environment's."""
    wheels, venv = work / "wheel", work / "installed-venv"
    # setuptools builds in the checkout's build/: remove it afterwards unless it was there before
    build_dir = ROOT / "build"
    leave_build_dir = build_dir.exists()
    try:
        subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w",
                        str(wheels), str(ROOT)], check=True, env=CHILD_ENV, stdout=subprocess.DEVNULL)
    finally:
        if not leave_build_dir:
            shutil.rmtree(build_dir, ignore_errors=True)
    # with pip and setuptools, as `python -m venv` makes a user's, and as this one was made
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, env=CHILD_ENV)
    python = venv / "bin" / "python"
    (wheel,) = wheels.glob("conflict_lint-*.whl")
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
                   check=True, env=CHILD_ENV, stdout=subprocess.DEVNULL)
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          check=True, env=CHILD_ENV, capture_output=True, text=True).stdout.strip()
    ours = sysconfig.get_path("purelib")
    Path(site, "bench-dependencies.pth").write_text(ours + "\n", encoding="utf-8")
    return [str(venv / "bin" / "conflict-lint")]


def measure(count: int, repeat: int, seed: int, baseline_count: int,
            one_file_only: bool = False, installed: bool = False) -> tuple[Timings, dict]:
    lint = _tool("conflict-lint") or [sys.executable, "-m", "linter"]
    checker = _tool("check-jsonschema")
    timings = Timings()
    with tempfile.TemporaryDirectory(prefix="conflict-lint-bench-") as temporary:
        work = Path(temporary)
        installed_lint = installed_copy(work) if installed else None
        records = work / "records"
        files = generate.generate(count, records, seed=seed)
        names = [f"records/{p.name}" for p in files]
        one = names[1]
        subset = names[:baseline_count]
        base = [*lint, "lint", "--format", "json", "--fail-on", "never", "--today", "2026-01-01"]
        check = None if checker is None else [*checker, "--schemafile", str(SCHEMA)]
        cache = ["--cache-dir", str(work / "cache")]
        run_process([*base, "--no-cache", one], work)  # a first start writes the bytecode; untimed
        if check is not None:
            run_process([*check, one], work)
        installed_base = None
        if installed_lint is not None:
            installed_base = [*installed_lint, *base[len(lint):]]
            run_process([*installed_base, "--no-cache", one], work)  # pip compiled it; checks it runs
        for _ in range(repeat):
            if one_file_only:
                run_process([*base, *cache, one], work)  # fills the cache entry of the "cached" row
                _time_one_file(timings, base, cache, check, one, work, installed_base)
                continue
            timings.add("parse floor", parse_floor(files))
            timings.add("lint --jobs 1", *run_process([*base, "--no-cache", "--jobs", "1", "records"], work))
            timings.add("lint --jobs default", *run_process([*base, "--no-cache", "records"], work))
            shutil.rmtree(work / "cache", ignore_errors=True)
            timings.add("lint cold cache", *run_process([*base, *cache, "records"], work))
            timings.add("lint warm cache", *run_process([*base, *cache, "records"], work))
            if check is not None:
                timings.add("check-jsonschema", run_process([*check, *subset], work)[0])
            timings.add("lint --jobs 1 (baseline subset)",
                        *run_process([*base, "--no-cache", "--jobs", "1", *subset], work))
            timings.add("lint --jobs default (baseline subset)", *run_process([*base, "--no-cache", *subset], work))
            _time_one_file(timings, base, cache, check, one, work, installed_base)
        size = sum(p.stat().st_size for p in files) / max(len(files), 1)
    facts = {"count": count, "subset": len(subset), "record bytes": size, "checker": check is not None,
             "one file only": one_file_only, "installed": installed}
    return timings, facts


def _time_one_file(timings: Timings, base: list[str], cache: list[str], check: list[str] | None, one: str,
                   work: Path, installed: list[str] | None = None) -> None:
    for _ in range(3):  # the one-file case is short: more samples
        timings.add("python -c pass", run_process([sys.executable, "-c", "pass"], work)[0])
        timings.add("one file: lint", run_process([*base, "--no-cache", one], work)[0])
        timings.add("one file: lint, cached", run_process([*base, *cache, one], work)[0])
        if check is not None:
            timings.add("one file: check-jsonschema", run_process([*check, one], work)[0])
        if installed is not None:
            timings.add("one file: installed lint", run_process([*installed, "--no-cache", one], work)[0])
            timings.add("one file: installed lint, cached", run_process([*installed, *cache, one], work)[0])


def _ms(seconds: float | None, per: int = 1) -> str:
    return "-" if seconds is None else f"{seconds / per * 1000:.3f} ms"


def _ratio(a: float | None, b: float | None) -> str:
    return "-" if a is None or b is None else f"{a / b:.2f}x"


def report(timings: Timings, facts: dict, repeat: int) -> str:
    count, subset = facts["count"], facts["subset"]
    median = timings.median
    floor = median("parse floor")
    lint1, lintn = median("lint --jobs 1"), median("lint --jobs default")
    cold, warm = median("lint cold cache"), median("lint warm cache")
    checker, lint_subset = median("check-jsonschema"), median("lint --jobs 1 (baseline subset)")
    lint_subset_n = median("lint --jobs default (baseline subset)")
    one_lint, one_cached = median("one file: lint"), median("one file: lint, cached")
    one_check, python = median("one file: check-jsonschema"), median("python -c pass")
    installed_lint, installed_cached = median("one file: installed lint"), median("one file: installed lint, cached")
    rows = [
        ("parse floor (yaml.compose, CSafeLoader), per record", _ms(floor, count), "1.00x floor", ""),
        ("lint --jobs 1, all rules, no cache, per record", _ms(lint1, count), f"{_ratio(lint1, floor)} floor",
         "target <= 2.5x floor"),
        (f"lint --jobs {_cpus()} (default), per record", _ms(lintn, count), f"{_ratio(lintn, floor)} floor",
         "target <= 2.5x floor"),
        (f"check-jsonschema, per record ({subset} files)", _ms(checker, subset), "", ""),
        (f"lint --jobs 1, per record (same {subset} files)", _ms(lint_subset, subset),
         f"{_ratio(checker, lint_subset)} faster", "target >= 12x faster"),
        (f"lint --jobs {_cpus()}, per record (same {subset} files)", _ms(lint_subset_n, subset),
         f"{_ratio(checker, lint_subset_n)} faster", "target >= 12x faster"),
        (f"lint --jobs {_cpus()} vs --jobs 1 ({count} records)", _ms(lintn), f"{_ratio(lint1, lintn)} faster",
         "target >= 1.8x"),
        ("cold run, empty cache", _ms(cold), "", ""),
        ("warm run, every file cached", _ms(warm), f"{_ratio(warm, cold)} of cold", "target <= 0.10x"),
        ("one file: python -c pass", _ms(python), "", ""),
        ("one file: check-jsonschema", _ms(one_check), "", ""),
        ("one file: conflict-lint lint, no cache", _ms(one_lint), f"{_ratio(one_lint, one_check)} of checker",
         "target <= 0.35x"),
        ("one file: conflict-lint lint, cached", _ms(one_cached), f"{_ratio(one_cached, one_check)} of checker", ""),
        ("one file: conflict-lint lint, no cache, installed from a wheel", _ms(installed_lint),
         f"{_ratio(installed_lint, one_check)} of checker", "target <= 0.35x"),
        ("one file: conflict-lint lint, cached, installed from a wheel", _ms(installed_cached),
         f"{_ratio(installed_cached, one_check)} of checker", ""),
        (f"peak memory, lint --jobs 1 ({count} records)",
         f"{timings.memory.get('lint --jobs 1', 0) / 1024:.0f} MiB", "", "target < 300 MiB"),
        (f"peak memory, lint --jobs {_cpus()} (largest process)",
         f"{timings.memory.get('lint --jobs default', 0) / 1024:.0f} MiB", "", ""),
    ]
    if facts["one file only"]:
        rows = [row for row in rows if row[0].startswith("one file")]
    if not facts["installed"]:
        rows = [row for row in rows if "installed" not in row[0]]
    width = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [(f"conflict-lint benchmark: {count} records of {facts['record bytes']:.0f} bytes on average; "
              f"median of {repeat} runs ({3 * repeat} for one-file rows)"),
             (f"machine: {platform.machine()}, {_cpus()} CPUs, Python {platform.python_version()}, "
              f"{platform.system()} {platform.release()}")]
    if not facts["checker"]:
        lines.append("check-jsonschema: NOT INSTALLED, its rows are empty (pip install check-jsonschema)")
    lines.append("")
    header = ("measurement", "time", "ratio", "target")
    width = [max(w, len(h)) for w, h in zip(width, header, strict=True)]
    lines.append(f"| {header[0]:<{width[0]}} | {header[1]:>{width[1]}} | "
                 f"{header[2]:<{width[2]}} | {header[3]:<{width[3]}} |")
    lines.append(f"|{'-' * (width[0] + 2)}|{'-' * (width[1] + 1)}:|{'-' * (width[2] + 2)}|{'-' * (width[3] + 2)}|")
    lines += [f"| {a:<{width[0]}} | {b:>{width[1]}} | {c:<{width[2]}} | {d:<{width[3]}} |" for a, b, c, d in rows]
    return "\n".join(lines)


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000, help="records to generate (default 2000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; medians are shown")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--baseline-count",
        type=int,
        default=1000,
        help="files given to check-jsonschema (it takes ~10 ms each); default 1000",
    )
    parser.add_argument("--one-file", action="store_true", help="time the one-file rows only")
    parser.add_argument("--installed", action="store_true",
                        help="also time the one-file rows of conflict-lint installed from a wheel, not editable")
    args = parser.parse_args(argv)
    if args.count < 2 or args.repeat < 1:
        parser.error("--count must be >= 2 and --repeat >= 1")
    timings, facts = measure(args.count, args.repeat, args.seed, min(args.baseline_count, args.count),
                             one_file_only=args.one_file, installed=args.installed)
    print(report(timings, facts, args.repeat))


if __name__ == "__main__":
    main()
