"""Make user-controlled text safe to print in a log or a terminal.

File names and the values that messages quote come from the files being linted, which in CI
are a pull request's. Printed raw, a newline starts a new log line, and on GitHub Actions a line
that begins with ``::`` (or holds ``##[``) is a workflow command (``::add-mask::``,
``::stop-commands::``, a forged ``::error``); ESC, BEL and OSC sequences drive the terminal.
Every character that is not printable text is shown as a Python-style escape instead.
"""

from __future__ import annotations

import re

from linter.lazy_regex import compile_lazily

# C0 and C1 controls, DEL, the Unicode line and paragraph separators, the bidirectional
# overrides and isolates (which reorder what a reader sees), and lone surrogates (which no
# encoder can write).
_UNSAFE = compile_lazily("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_BUT_LINE_BREAKS = compile_lazily("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                                         "\ud800-\udfff]")
_LEGACY_COMMAND = compile_lazily(r"##\[")
# What a web page must not carry raw: controls other than tab and line breaks are parse errors
# in HTML, and the separators, bidirectional controls and surrogates mislead or cannot be encoded.
_UNSAFE_IN_PAGES = compile_lazily("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                                  "\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, keep_line_breaks: bool = False) -> str:
    """One line of plain text with every control character, separator and surrogate escaped;
    ``keep_line_breaks`` leaves CR and LF to a caller that escapes them its own way."""
    if text.isprintable() and "##[" not in text:
        # Every character the patterns escape is one str.isprintable refuses (categories Cc, Cf,
        # Cs, Zl, Zp): most texts need no pattern, and a one-file run compiles none.
        return text
    unsafe = _UNSAFE_BUT_LINE_BREAKS if keep_line_breaks else _UNSAFE
    return _LEGACY_COMMAND.sub("##\\\\x5b", unsafe.sub(_escape, text))


def visible(text: str) -> str:
    """``text`` for a web page: the characters above escaped, tabs and line breaks kept."""
    return _UNSAFE_IN_PAGES.sub(_escape, text)


def line_start(text: str) -> str:
    """``printable``, and never the start of a workflow command when it opens a log line: a
    text that starts with ':' may make '::' with the ':' printed after it (a file named ':')."""
    text = printable(text)
    return f"./{text}" if text.lstrip().startswith(":") else text
