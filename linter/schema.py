"""Validate a record against the JSON Schema and explain each error where it stands."""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from linter.model.document import Document, Hit, child_pointer
from linter.rules.schema_violation import SLUG as SCHEMA_VIOLATION
from linter.rules.unknown_field import SLUG as UNKNOWN_FIELD

if TYPE_CHECKING:  # jsonschema and regress are imported when a record needs them
    import regress
    from jsonschema.exceptions import ValidationError
    from jsonschema.protocols import Validator

SCHEMA_FILE = os.path.join(os.path.dirname(__file__), "schemas", "conflict.schema.json")
_TYPE_NAMES = {
    "object": "a mapping", "array": "a list", "string": "text", "integer": "a whole number",
    "number": "a number", "boolean": "true or false", "null": "null",
}


@functools.lru_cache(maxsize=1)
def load_schema() -> dict:
    with open(SCHEMA_FILE, encoding="utf-8") as stream:
        text = stream.read()
    return json.loads(text)


@functools.cache
def _ecma_regex(pattern: str) -> regress.Regex | re.Pattern[str]:
    """regress when installed; otherwise Python's ``re`` with the ECMA-262 meanings restored
    that records depend on, so a minimal install (jsonschema, PyYAML, click) gives the same verdict."""
    try:
        import regress
    except ImportError:
        return re.compile(_python_form(pattern), re.ASCII)
    return regress.Regex(pattern, "u")


def _python_form(pattern: str) -> str:
    """An ECMA-262 pattern for ``re`` with ASCII ``\\d``/``\\w``: ``$`` outside a character class
    is the end of the text only (``\\Z``), not also the place before a final newline."""
    out, escaped, in_class = [], False, False
    for character in pattern:
        if escaped:
            escaped = False
        elif character == "\\":
            escaped = True
        elif character == "[":
            in_class = True
        elif character == "]":
            in_class = False
        elif character == "$" and not in_class:
            character = r"\Z"
        out.append(character)
    return "".join(out)


def _ecma_search(pattern: str, text: str) -> bool:
    """Whether an ECMA-262 pattern matches anywhere in ``text``, as JSON Schema defines patterns.

    Python's ``re`` differs where it matters to records: its ``$`` also matches before a final
    newline (so "ayorou\\n" would pass as an id) and its ``\\d`` and ``\\w`` take any script's
    digits and letters. regress implements ECMA-262 (check-jsonschema validates with it too).
    """
    if not text.isascii():
        # regress takes UTF-8, which has no lone surrogate ("\udfff" escaped in JSON or YAML):
        # each becomes U+FFFD, one code unit for one, as ECMA-262 matches code units.
        text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace") if _has_surrogate(text) else text
    regex = _ecma_regex(pattern)
    return (regex.search(text) if isinstance(regex, re.Pattern) else regex.find(text)) is not None


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= character <= "\udfff" for character in text)


def _pattern(validator: Any, pattern: str, instance: Any, schema: dict) -> Iterator[ValidationError]:
    from jsonschema.exceptions import ValidationError

    if validator.is_type(instance, "string") and not _ecma_search(pattern, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _pattern_properties(validator: Any, properties: dict[str, Any], instance: Any, schema: dict
                        ) -> Iterator[ValidationError]:
    if not validator.is_type(instance, "object"):
        return
    for pattern, subschema in properties.items():
        for key, value in instance.items():
            if _ecma_search(pattern, key):
                yield from validator.descend(value, subschema, path=key, schema_path=pattern)


@functools.lru_cache(maxsize=1)
def _validator_class() -> type[Validator]:
    import jsonschema  # imported here: it is the slowest import on the one-file path

    # Every keyword that reads a regular expression, with ECMA-262 semantics, so that this
    # validator and jsonschema-rs (which translates patterns to ECMA meaning) give one verdict.
    return jsonschema.validators.extend(
        jsonschema.Draft202012Validator, {"pattern": _pattern, "patternProperties": _pattern_properties})


@functools.lru_cache(maxsize=1)
def _validator() -> Validator:
    return _validator_class()(load_schema())


@functools.lru_cache(maxsize=1)
def _fast_validator() -> Any:  # a jsonschema_rs validator, or None
    """jsonschema-rs, when installed: it decides "valid" some 300 times faster than jsonschema
    (see docs/performance.md), and most records are valid; jsonschema then explains the rest."""
    try:
        import jsonschema_rs
    except ImportError:
        return None
    try:
        return jsonschema_rs.validator_for(load_schema())
    except Exception:  # noqa: BLE001  a schema it cannot compile: jsonschema alone still gives every answer
        return None


def _surely_valid(data: Any) -> bool:
    fast = _fast_validator()
    if fast is None:
        return False
    try:
        return fast.is_valid(data)
    except Exception:  # noqa: BLE001  values it cannot convert (huge integers, NaN): let jsonschema judge
        return False


def _fast_errors(data: Any) -> list[Hit]:
    """jsonschema-rs's own reasons, for a record it rejects that jsonschema accepts.

    The two are meant to agree (tests/test_schema_verdict.py holds them to it); should they
    not, the record is still reported rather than passed silently."""
    fast = _fast_validator()
    if fast is None:
        return []
    try:
        errors = list(fast.iter_errors(data))
    except Exception:  # noqa: BLE001  values it cannot convert, as in _surely_valid
        return []
    return [Hit(f"{_where(_pointer(error.instance_path))}: {error.message}",
                pointer=_pointer(error.instance_path), rule=SCHEMA_VIOLATION) for error in errors]


def _pointer(path: Iterable[str | int]) -> str:
    pointer = ""
    for token in path:
        pointer = child_pointer(pointer, token)
    return pointer


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "an empty value"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    shown = value if len(value) <= 60 else value[:57] + "..."
    # A newline or other control character shown raw would break the one-line message and hide
    # the very thing that is wrong.
    shown = "".join(char if char.isprintable() else repr(char)[1:-1] for char in shown)
    return f"'{shown}'"


def _where(pointer: str) -> str:
    """A pointer as a reader writes it: /sides/0/casualties becomes sides[0].casualties."""
    parts: list[str] = []
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if token.isdigit() and parts:
            parts[-1] += f"[{token}]"
        else:
            parts.append(token)
    return ".".join(parts) or "the record"


def _alternatives(branches: list[dict]) -> str | None:
    """Name the choices of a oneOf/anyOf whose branches only require fields."""
    names = []
    for branch in branches:
        required = branch.get("required")
        if not required or set(branch) - {"required", "not"}:
            return None
        names.append(" and ".join(required))
    return "; ".join(names[:-1]) + f"; or {names[-1]}" if len(names) > 1 else names[0]


def _close_match(word: str, choices: Iterable[object]) -> str:
    import difflib  # only for a misspelt key

    match = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f"; did you mean '{match[0]}'?" if match else ""


def _deepest(error: Any) -> Any:
    """The most relevant sub-error of a oneOf/anyOf, as jsonschema's best_match ranks them."""
    from jsonschema.exceptions import best_match

    return best_match(error.context) if error.context else None


# jsonschema's stubs type every attribute of a ValidationError as possibly unset; an error that
# iter_errors yields has them all, so its errors are handled as Any.
def _explain(error: Any, doc: Document) -> Iterator[Hit]:
    pointer = _pointer(error.absolute_path)
    where = _where(pointer)
    kind, value, schema = error.validator, error.instance, error.schema
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extras = [key for key in value if key not in schema.get("properties", {})] if isinstance(value, dict) else []
        for key in extras:
            yield Hit(f"unknown field '{key}' in {where}{_close_match(key, allowed)} "
                      f"(allowed: {', '.join(allowed)})",
                      pointer=child_pointer(pointer, key), at_key=True, rule=UNKNOWN_FIELD)
        return
    if kind == "required":
        # Worked out from the data, not from the message's wording. jsonschema reports each
        # missing name as an error of its own; check_schema drops the repeats.
        missing = [name for name in error.validator_value if isinstance(value, dict) and name not in value]
        for name in missing:
            field_pointer = child_pointer(pointer, name)
            if field_pointer in doc.reported:  # the loader found its value unreadable and said so
                continue
            message = f"{where} lacks the required field '{name}'"
            if field_pointer in doc.key_spans:  # an infobox parameter written empty: fill it in there
                yield Hit(message, pointer=field_pointer, at_key=True, rule=SCHEMA_VIOLATION)
            else:
                yield Hit(message, pointer=pointer, at_key=bool(pointer), rule=SCHEMA_VIOLATION)
        return
    if kind in ("oneOf", "anyOf"):
        choices = _alternatives(error.validator_value)
        if choices is not None:
            verb = "takes exactly one of" if kind == "oneOf" else "needs one of"
            matched = "" if error.context else " (it has several)"
            yield Hit(f"{where} {verb}: {choices}{matched}", pointer=pointer, rule=SCHEMA_VIOLATION)
            return
        deepest = _deepest(error)
        if deepest is not None:
            yield from _explain(deepest, doc)
            return
    if kind == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        wanted = " or ".join(_TYPE_NAMES.get(t, str(t)) for t in expected)
        yield Hit(f"{where} should be {wanted}, not {_describe(value)}", pointer=pointer, rule=SCHEMA_VIOLATION)
        return
    if kind == "enum":
        options = ", ".join(str(o) for o in error.validator_value)
        yield Hit(f"{where} is {_describe(value)}; use one of: {options}{_close_match(value, error.validator_value)}",
                  pointer=pointer, rule=SCHEMA_VIOLATION)
        return
    if kind == "const":
        yield Hit(f"{where} can only be {json.dumps(error.validator_value)}; leave the field out otherwise",
                  pointer=pointer, rule=SCHEMA_VIOLATION)
        return
    if kind == "pattern":
        rule_text = schema.get("description", f"the pattern {error.validator_value}")
        yield Hit(f"{where} is {_describe(value)}, which is not of the expected form. {rule_text}",
                  pointer=pointer, rule=SCHEMA_VIOLATION)
        return
    if kind in ("minItems", "maxItems"):
        bound = "at least" if kind == "minItems" else "at most"
        count = len(value) if isinstance(value, list) else 0
        yield Hit(f"{where} has {count} item{'s' * (count != 1)}; it takes {bound} {error.validator_value}",
                  pointer=pointer, rule=SCHEMA_VIOLATION)
        return
    if kind == "uniqueItems":
        yield Hit(f"{where} lists the same item twice; remove the repeat", pointer=pointer, rule=SCHEMA_VIOLATION)
        return
    if kind == "minLength":
        yield Hit(f"{where} is empty; fill it in or leave the field out", pointer=pointer, rule=SCHEMA_VIOLATION)
        return
    if kind == "propertyNames":
        yield Hit(f"a key in {where} is not a valid id: {error.message}", pointer=pointer, rule=SCHEMA_VIOLATION)
        return
    yield Hit(f"{where}: {error.message}", pointer=pointer, rule=SCHEMA_VIOLATION)


def allowed_fields(data: Any, pointer: str) -> list[str] | None:
    """The field names the schema allows in the mapping at ``pointer``, taken from the schema
    where it rejects a field of that mapping (None when it rejects none there).

    The errors are descended as ``_explain`` descends them, so the names are those of the
    branch an unknown-field finding was reported against. A record with many unknown fields
    asks once per field: its errors are gathered once (the last record's answer is kept, with
    the record, as ``records.figures`` keeps its own)."""
    global _last_allowed
    if _last_allowed[0] is not data:
        _last_allowed = (data, _allowed_by_pointer(data))
    return _last_allowed[1].get(pointer)


_last_allowed: tuple[Any, dict[str, list[str]]] = (None, {})


def _allowed_by_pointer(data: Any) -> dict[str, list[str]]:
    allowed: dict[str, list[str]] = {}
    error: Any  # see _explain
    for error in _validator().iter_errors(data):
        while error.validator in ("oneOf", "anyOf") and _alternatives(error.validator_value) is None:
            deeper = _deepest(error)
            if deeper is None:
                break
            error = deeper
        if error.validator == "additionalProperties":
            allowed.setdefault(_pointer(error.absolute_path), sorted(error.schema.get("properties", {})))
    return allowed


def _failing_fields(data: Any) -> frozenset[str] | None:
    """The top-level fields of a record under which jsonschema-rs finds an error (None when it
    cannot say: not installed, or values it cannot convert)."""
    fast = _fast_validator()
    if fast is None or not isinstance(data, dict):
        return None
    try:
        errors = list(fast.iter_errors(data))
    except Exception:  # noqa: BLE001  values it cannot convert, as in _surely_valid
        return None
    return frozenset(str(error.instance_path[0]) for error in errors if error.instance_path)


@functools.lru_cache(maxsize=64)
def _validator_for(failing: frozenset[str]) -> Validator:
    """jsonschema over the schema with each top-level field outside ``failing`` taken as valid
    (its subschema ``true``), the names the root allows unchanged.

    jsonschema walks all of a record to explain it, some 25 times the cost of jsonschema-rs's
    verdict; a rejected record has its errors under a few fields, and jsonschema-rs names them.
    The two validators agree on every verdict (tests/test_schema_verdict.py), so a field
    jsonschema-rs finds valid holds nothing to explain."""
    schema = load_schema()
    properties = {name: subschema if name in failing else True for name, subschema in schema["properties"].items()}
    return _validator_class()({**schema, "properties": properties})


def check_schema(doc: Document) -> list[Hit]:
    """A hit for every schema error: at least one each, each said once."""
    if doc.data is None or _surely_valid(doc.data):
        return []
    hits: list[Hit] = []
    errors = 0
    failing = _failing_fields(doc.data)
    validator = _validator() if failing is None else _validator_for(failing)
    for error in validator.iter_errors(doc.data):
        errors += 1
        explained = list(_explain(error, doc))
        if not explained and error.validator == "required":
            continue  # every field it names was reported by the loader already
        # An error of a form the explanations do not know still reaches the user, in jsonschema's words.
        hits.extend(explained or [Hit(f"{_where(_pointer(error.absolute_path))}: {error.message}",
                                      pointer=_pointer(error.absolute_path), rule=SCHEMA_VIOLATION)])
    if not errors:
        hits = _fast_errors(doc.data)
    return list(dict.fromkeys(hits))
