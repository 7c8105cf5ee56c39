"""Entry point of the ``conflict-lint`` command and of ``python -m linter``."""

from linter.collector import tune_for_command


def main() -> None:
    # Before the command line module and its click tree are imported: see linter/collector.py.
    tune_for_command()
    from linter.cli import main as run_command

    run_command()


if __name__ == "__main__":
    main()
