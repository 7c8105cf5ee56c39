"""Every limit that keeps hostile input bounded, in one place (docs/security.md explains them)."""

# Files larger than this get a finding instead of being parsed (--max-file-size overrides it).
MAX_FILE_BYTES = 5 * 1024 * 1024

# Nesting deeper than this is refused before PyYAML composes it: its C composer recurses once
# per level and overflows the C stack near 100,000 levels. A record nests about six deep.
MAX_DEPTH = 100

# Values a document may expand to through aliases ("billion laughs"); a record has a few hundred.
MAX_NODES = 200_000

# Rules match free text with regular expressions on at most this many leading characters of a
# value, so no pattern's cost grows with a hostile value's length; real values are a few hundred.
MAX_MATCH_CHARS = 10_000


def for_matching(text: str) -> str:
    """The part of a value that rule patterns may read."""
    return text[:MAX_MATCH_CHARS]
