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


# Numbers longer than this are not counts (10**100 dwarfs every figure a record holds). Python
# refuses to convert integers of more than 4,300 digits, and sums or formats of huge ones cost
# time, so loaders keep longer numbers as text with a finding and figure text never reads them.
MAX_NUMBER_DIGITS = 100


def for_matching(text: str) -> str:
    """The part of a value that rule patterns may read."""
    return text[:MAX_MATCH_CHARS]


# Characters of JSON Pointer a document's values and keys may take together. Every value keeps
# its full pointer, so long keys nested deep, over a long list, made a 134 KB file take 1.8 GB.
# A 5 MiB record of ordinary keys needs under a tenth of this.
MAX_POINTER_CHARS = 32_000_000

# Files the linter reads besides records: settings (pyproject.toml may be planted at any size,
# even sparse gigabytes) and baselines (one entry of ~300 bytes per accepted finding).
MAX_SETTINGS_BYTES = 1024 * 1024
MAX_BASELINE_BYTES = 64 * 1024 * 1024

# A cache entry larger than this is a miss, not read: entries are a file's findings (capped by
# MAX_FINDINGS_PER_FILE) and record summaries.
MAX_CACHE_ENTRY_BYTES = 64 * 1024 * 1024

# Findings kept per file; the rest are counted in one `limit-exceeded` finding. A real record
# has a few dozen at most; 700,000 duplicate keys would otherwise fill memory and the report.
MAX_FINDINGS_PER_FILE = 1000

# The wikitext parser's budget (linter/infobox/budget.py): a page beyond any of these is not
# parsed, and gets a `limit-exceeded` finding. bench/wikitext_budget.py measures the real corpus
# against them and the parse time of hostile pages at them.
MAX_MARKUP = 10_000  # tags, templates, links and tables opened in one page
MAX_UNCLOSED_WORK = 60_000  # unclosed openers times openers: the parser rereads the page per unclosed one
MAX_TEMPLATE_DEPTH = 50  # template calls inside template calls
