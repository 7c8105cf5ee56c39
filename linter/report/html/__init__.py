"""The HTML report: a static site of a record set that opens from the file system (docs/report.md).

Unlike the other reporters it writes a directory, and it shows each file's text and records,
which a caller hands it (``linter.sources.RunFiles``): it never reads or parses a file itself.
"""

from __future__ import annotations

from linter.report.html.site import SUBDIRECTORIES, SourceFile, Sources, page_of, write_site

__all__ = ["SUBDIRECTORIES", "SourceFile", "Sources", "page_of", "write_site"]
