"""A page's calls to the macros, checked as a writer types them.

`checked` wraps a macro so that a call with an argument it does not take, or without
one it needs, fails naming the macro and its arguments, with the closest name for a
misspelt keyword. `naming_undefined` gives Jinja an `Undefined` that answers an unknown
macro, variable or attribute with the closest known name. Both raise errors whose
message is written for the writer (`lookup.UnknownName`, `MacroCallError`).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Collection, Mapping
from typing import Any

from jinja2 import StrictUndefined
from jinja2.utils import missing

from .lookup import UnknownName

Macro = Callable[..., str]


class MacroCallError(TypeError):
    """A macro called with the wrong arguments; the message shows how to call it."""


def usage(name: str, signature: inspect.Signature) -> str:
    """How the macro is called: `side_list(side_id, field)`."""
    return f"{name}({', '.join(signature.parameters)})"


def _check(name: str, signature: inspect.Signature, args: tuple[Any, ...], kwargs: Any) -> None:
    parameters = signature.parameters
    for keyword in kwargs:
        if keyword not in parameters:
            raise UnknownName(f"{name}() argument", keyword, parameters)
    try:
        signature.bind(*args, **kwargs)
    except TypeError as error:
        # Python's own words ("missing a required argument: 'field'"), then the call's form.
        raise MacroCallError(f"{name}(): {error}; call it as {usage(name, signature)}") from None


def checked(name: str, macro: Macro) -> Macro:
    """`macro`, failing with a message for the writer when a call's arguments do not fit it."""
    signature = inspect.signature(macro)

    @functools.wraps(macro)
    def call(*args: Any, **kwargs: Any) -> str:
        _check(name, signature, args, kwargs)
        return macro(*args, **kwargs)

    return call


def naming_undefined(
    known: Callable[[], Collection[str]], listed: Callable[[], Collection[str]]
) -> type[StrictUndefined]:
    """A strict `Undefined` whose error names the closest of `known()` names and lists
    `listed()`, the site's macros (both asked when an error happens: the macros and
    variables are registered after the environment is made)."""

    class NamingUndefined(StrictUndefined):
        __slots__ = ()
        names_the_closest = True

        @property
        def _undefined_message(self) -> str:
            name = self._undefined_name
            owner = self._undefined_obj
            if self._undefined_hint or not isinstance(name, str):
                return str(super()._undefined_message)
            if owner is missing:
                return str(UnknownName("macro or variable", name, known(), "macros", listed()))
            kind = type(owner).__name__
            attributes = [
                attribute
                for attribute in (owner if isinstance(owner, Mapping) else dir(owner))
                if isinstance(attribute, str) and not attribute.startswith("_")
            ]
            return str(UnknownName(f"{kind} attribute", name, attributes))

    return NamingUndefined
