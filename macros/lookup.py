"""Every name a writer types, looked up in one way: a misspelling answers with the closest name.

Fact ids, sides, record fields, cookbook pages, macro names and their arguments are all
typed by hand into a page or into `data.py`. Each lookup that fails raises `UnknownName`,
whose message gives the closest known name and the list of known ones:
"unknown fact `chatgpt_adress`; did you mean `chatgpt_address`? Known facts: …".
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import TypeVar

T = TypeVar("T")

# difflib's ratio from which a known name counts as what the writer meant to type.
CLOSE_ENOUGH = 0.6


def _stem(name: str) -> str:
    """A file name without its extension (`nope.md` → `nope`), other names as they are: a
    shared `.md` would make any two page names look alike."""
    base, dot, suffix = name.rpartition(".")
    return base if dot and base and len(suffix) <= 4 and suffix.isalnum() else name


def closest(name: str, known: Iterable[str]) -> str | None:
    """The known name nearest `name`, if one is near enough to be a misspelling of it."""
    by_stem: dict[str, str] = {}
    suffix = name.removeprefix(_stem(name))
    # A name with the same extension first: `first_requst.py` means the .py, not the .sh.
    for candidate in sorted(known, key=lambda known_name: not known_name.endswith(suffix)):
        by_stem.setdefault(_stem(candidate).lower(), candidate)
    stem = _stem(name).lower()
    if stem in by_stem:  # only the case or the extension differs
        return by_stem[stem]
    matches = difflib.get_close_matches(stem, by_stem, n=1, cutoff=CLOSE_ENOUGH)
    return by_stem[matches[0]] if matches else None


def suggestion(
    name: str, known: Iterable[str], plural: str, listed: Iterable[str] | None = None
) -> str:
    """ "did you mean `x`? Known facts: a, b" (or only the list, when nothing is close).

    The closest name is drawn from `known`; the list shows `listed` when given (the names
    worth reading, when `known` also holds many a writer would seldom mean)."""
    names = list(dict.fromkeys(known))
    shown = list(dict.fromkeys(names if listed is None else listed))
    known_list = f"Known {plural}: {', '.join(shown)}" if shown else f"There are no {plural}"
    nearest = closest(name, names)
    return f"did you mean `{nearest}`? {known_list}" if nearest else known_list


class UnknownName(LookupError):
    """A name typed in a page or in the data that names nothing of its kind."""

    def __init__(
        self,
        kind: str,
        name: str,
        known: Iterable[str],
        plural: str = "",
        listed: Iterable[str] | None = None,
    ) -> None:
        self.kind = kind
        self.name = name
        self.known = tuple(dict.fromkeys(known))
        self.closest = closest(name, self.known)
        self.hint = suggestion(name, self.known, plural or f"{kind}s", listed)
        super().__init__(f"unknown {kind} `{name}`; {self.hint}")

    def __str__(self) -> str:
        # LookupError's own str() would quote the message like a key.
        return str(self.args[0])


def find(kind: str, name: str, by_name: Mapping[str, T], plural: str = "") -> T:
    """`by_name[name]`, or `UnknownName` naming the closest key."""
    try:
        return by_name[name]
    except KeyError:
        raise UnknownName(kind, name, by_name, plural) from None
