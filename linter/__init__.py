"""conflict-lint: schema validation and data-quality linting for armed-conflict records."""

__version__ = "0.1.0"
