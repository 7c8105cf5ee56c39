"""Entry point for ``python -m linter``."""

from linter.cli import main

if __name__ == "__main__":
    main()
