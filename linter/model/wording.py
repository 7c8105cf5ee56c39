"""Messages in the terms of the file a finding stands in: an infobox's parameters and ``<ref>``s
for wikitext and article text, a record's fields for YAML and JSON."""

from __future__ import annotations

from linter.model.document import Document


def subject(doc: Document, pointer: str, native: str) -> str:
    """What a message calls a value: the infobox parameter it came from ("'casualties2'"), or,
    in a record, the native description ("side 2 killed")."""
    origin = "" if doc.native else doc.origin_of(pointer)
    return f"'{origin}'" if origin else native


def fix(doc: Document, native: str, wikitext: str, article_text: str | None = None) -> str:
    """The fix to suggest, as the file's own format makes it."""
    if doc.format == "wikitext":
        return wikitext
    if doc.format == "article-text":
        return wikitext if article_text is None else article_text
    return native
