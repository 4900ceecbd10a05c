"""The guide's terms carry a short definition wherever they appear, from one glossary file."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from bs4 import Tag

from tests.support.glossary_file import GLOSSARY, definition_lines, glossary
from tests.support.helpers import BuiltSite

# The terms issue 3 asks the glossary to explain. A term may have several word
# forms in the glossary ("system prompt", "system prompts"), all with one meaning.
REQUIRED_TERMS = (
    "API key",
    "token",
    "RAG",
    "embeddings",
    "function calling",
    "streaming",
    "rate limit",
    "system prompt",
)


def term_of(word_form: str) -> str | None:
    """The required term a glossary entry is a form of: same words, any case, maybe plural."""
    for term in REQUIRED_TERMS:
        if word_form.casefold() in (term.casefold(), term.casefold() + "s"):
            return term
    return None


def articles(site: BuiltSite) -> Iterator[tuple[str, Tag]]:
    """(URL path, article) of every built page that has an article (redirect stubs have none)."""
    for page in site.html_pages():
        # Redirects for old `X.html` addresses are folders named like pages.
        if page.is_file():
            url_path = page.relative_to(site.root).as_posix()
            article = site.soup(url_path).select_one("article")
            if article is not None:
                yield url_path, article


def abbreviations(site: BuiltSite) -> list[tuple[str, str, str]]:
    """(page, text, title) of every <abbr> in the articles of the built pages."""
    return [
        (url_path, abbr.get_text(), str(abbr.get("title", "")))
        for url_path, article in articles(site)
        for abbr in article.find_all("abbr")
    ]


def test_each_word_form_is_defined_once() -> None:
    repeated = [
        form for form, count in Counter(f for f, _ in definition_lines()).items() if count > 1
    ]
    assert repeated == [], f"{GLOSSARY} defines these more than once: {repeated}"


def test_each_required_term_is_defined_with_one_meaning() -> None:
    meanings: dict[str, set[str]] = {term: set() for term in REQUIRED_TERMS}
    for form, text in glossary().items():
        term = term_of(form)
        assert term is not None, f"{form!r} in {GLOSSARY} is not a form of a required term"
        meanings[term].add(text)
    assert {term: len(texts) for term, texts in meanings.items()} == dict.fromkeys(
        REQUIRED_TERMS, 1
    ), f"each term needs exactly one definition in {GLOSSARY}: {meanings}"


def test_definitions_are_short() -> None:
    too_long = {form: text for form, text in glossary().items() if len(text.split()) > 30}
    assert too_long == {}


def test_each_glossary_entry_is_used_and_carries_its_definition(site: BuiltSite) -> None:
    found = abbreviations(site)
    for form, text in glossary().items():
        uses = [(page, title) for page, abbr_text, title in found if abbr_text == form]
        assert uses, f"{form!r} from {GLOSSARY} appears on no page"
        assert {title for _, title in uses} == {text}, f"{form!r} has another tooltip"


def test_no_other_abbreviations_slip_in(site: BuiltSite) -> None:
    defined = glossary()
    assert {text for _, text, _ in abbreviations(site)} <= set(defined)


def test_the_glossary_file_is_not_published(site: BuiltSite) -> None:
    assert not (site.root / "includes").exists()


def test_every_use_of_a_term_has_its_tooltip(site: BuiltSite) -> None:
    """A term written in a form the glossary lacks ("Rate limits") would get no tooltip.

    Code and file names (`streaming.py`) are not prose and keep no tooltip.
    """
    forms = "|".join(re.escape(term) + "s?" for term in REQUIRED_TERMS)
    whole_word = re.compile(rf"(?<![\w-])(?:{forms})(?![\w-]|\.\w)", re.IGNORECASE)
    untipped = []
    for url_path, article in articles(site):
        for element in article.find_all(["abbr", "code", "pre"]):
            element.decompose()
        untipped += [(url_path, match) for match in whole_word.findall(article.get_text(" "))]
    assert untipped == [], untipped
