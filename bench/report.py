"""Measure the HTML report against the lint run it reports on, side by side.

    python bench/report.py [--count N] [--repeat R] [--seed S] [--jobs J]

Generates N records (bench/generate.py) in a temporary directory, then times as whole
processes, interleaved so that load on the machine falls on both alike:

- ``conflict-lint lint DIR --format json`` (no cache): the lint run itself;
- ``conflict-lint report DIR --html SITE`` (no cache): the same run, then the site.

Rendering is the difference of the two medians; its target is at most twice the lint run.
The sites of the runs are checked to be byte-identical; the site's size, its largest page and
the peak memory of the report process (the largest of it and its workers) are reported.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402
from run import _tool, run_process  # noqa: E402

TODAY = "2026-01-01"


def digest(site: Path) -> str:
    """One digest of every file of the site, names included."""
    total = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        if path.is_file():
            total.update(str(path.relative_to(site)).encode() + b"\0" + path.read_bytes())
    return total.hexdigest()


def measure(count: int, repeat: int, seed: int, jobs: list[str]) -> dict:
    tool = _tool("conflict-lint")
    if tool is None:
        raise SystemExit("conflict-lint is not installed beside this Python or on PATH")
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        generate.generate(count, work / "records", seed=seed, defect_rate=0.05)
        lint = [
            *tool,
            "lint",
            "records",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--today",
            TODAY,
            "--no-cache",
            *jobs,
        ]
        lint_times, report_times, digests, memory = [], [], [], []
        run_process(lint, work)  # one untimed start: bytecode written, files in the page cache
        for attempt in range(repeat):
            site = work / f"site-{attempt}"
            report = [*tool, "report", "records", "--html", str(site), "--today", TODAY, "--no-cache", *jobs]
            lint_times.append(run_process(lint, work)[0])
            seconds, rss_kib = run_process(report, work)
            report_times.append(seconds)
            memory.append(rss_kib)
            digests.append(digest(site))
            sizes = [p.stat().st_size for p in site.rglob("*") if p.is_file()]
            if attempt < repeat - 1:
                shutil.rmtree(site)
        return {
            "lint": statistics.median(lint_times),
            "report": statistics.median(report_times),
            "identical": len(set(digests)) == 1,
            "files": len(sizes),
            "bytes": sum(sizes),
            "largest": max(sizes),
            "rss_mib": max(memory) / 1024,
        }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=25_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=None, help="passed to both commands [default: their default]")
    args = parser.parse_args(argv)
    if args.count < 2 or args.repeat < 2:
        parser.error("--count and --repeat must be at least 2 (byte-identity compares two runs)")
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    found = measure(args.count, args.repeat, args.seed, jobs)
    rendering = found["report"] - found["lint"]
    ratio = rendering / found["lint"]
    print(f"records: {args.count:,}, median of {args.repeat} runs{', --jobs ' + str(args.jobs) if args.jobs else ''}")
    print("| measurement | time | ratio | target |")
    print("|---|---:|---|---|")
    print(f"| lint (the run itself) | {found['lint']:.2f} s | 1.00x | |")
    print(
        f"| report --html (lint, then the site) | {found['report']:.2f} s | {found['report'] / found['lint']:.2f}x | |"
    )
    print(
        f"| rendering the site (the difference) | {rendering:.2f} s | {ratio:.2f}x of lint | "
        f"<= 2x: {'met' if ratio <= 2 else 'missed'} |"
    )
    print(
        f"site: {found['files']:,} files, {found['bytes'] / 2**20:.1f} MiB, largest page "
        f"{found['largest'] / 1024:.1f} KiB; byte-identical across runs: {'yes' if found['identical'] else 'NO'}"
    )
    print(f"peak memory of report (largest process): {found['rss_mib']:.0f} MiB")


if __name__ == "__main__":
    main()
