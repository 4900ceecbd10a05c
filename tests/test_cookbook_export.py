"""The cookbook's page of the guide (`make cookbook`), read as GitHub renders it.

GitHub renders Markdown with cmark-gfm and its extensions, raw HTML allowed and
then sanitised; `cmarkgfm` binds the same library.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import cmarkgfm
import pytest
from bs4 import BeautifulSoup, Tag
from cmarkgfm.cmark import Options

from macros.data import COMPARISON
from macros.linking import canonical_url
from macros.model import FACT_SLOT
from tests.support.emoji_files import text_with_emoji
from tests.support.glossary_file import definition_lines
from tests.support.helpers import (
    PROJECT_ROOT,
    BuiltSite,
    attribute,
    found,
    normalize,
    own_text,
    plain,
    replace_in_file,
    site_contract,
    table_rows,
)
from tests.test_data_propagation import CHANGES
from tests.test_guide_content import (
    MOJIBAKE,
    REAL_CHARACTERS,
    guide_html,
    guide_item_found,
    guide_list_items,
)
from tools.cookbook import GLOSSARY_TITLE, cookbook_root, export_path, guide_pages
from tools.cookbook_cli import OUTPUT_FOLDER, README_LINE_FILE, export, site_url

CONTRACT = site_contract()
EXPORT_PATH = export_path(CONTRACT)
COOKBOOK_ROOT = cookbook_root(CONTRACT)
GUIDE_PAGES = guide_pages(CONTRACT)

# What cmark-gfm writes for Markdown; anything else came from raw HTML in the page.
MARKDOWN_ELEMENTS = {
    *(f"h{level}" for level in range(1, 7)),
    *("p", "ul", "ol", "li", "blockquote", "pre", "code", "hr", "br", "a", "strong", "em"),
    *("table", "thead", "tbody", "tr", "th", "td"),
}
# Site syntax that would show as text on GitHub: Jinja, attribute lists, admonitions and
# details, content tabs, snippets, abbreviations (md_in_html divs are raw HTML elements).
RAW_SYNTAX = (
    "{{",
    "{%",
    "{#",
    "{ #",
    "{ .",
    "{:",
    "!!!",
    "???",
    '=== "',
    "--8<--",
    "*[",
    "markdown",
)


def github_html(markdown: str) -> BeautifulSoup:
    html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    return BeautifulSoup(html, "html.parser")


@pytest.fixture(scope="module")
def page() -> str:
    return export()[0]


@pytest.fixture(scope="module")
def html(page: str) -> BeautifulSoup:
    return github_html(page)


def prose(html: BeautifulSoup) -> str:
    """The text a reader sees outside code."""
    copy = BeautifulSoup(str(html), "html.parser")
    for code in copy.find_all(["pre", "code"]):
        code.decompose()
    return normalize(copy.get_text())


def contract_urls() -> set[str]:
    url = site_url()
    return {
        canonical_url(url, page.path, anchor)
        for page in CONTRACT.pages
        for anchor in ("", *(a.id for a in page.anchors))
    }


def test_the_export_holds_the_pages_of_nav_but_those_left_to_the_site() -> None:
    site_only = [page.source for page in CONTRACT.pages if page.cookbook == "none"]
    assert {"first-calls.md", "link-to-this-guide.md"} <= set(site_only)
    exported = [page.source for page in GUIDE_PAGES]
    assert exported == [page.source for page in CONTRACT.pages if page.source not in site_only]


def test_the_mental_model_table_is_a_table_whose_cells_are_the_data(html: BeautifulSoup) -> None:
    tables = [table_rows(table) for table in html.find_all("table")]
    data_rows = [[side.name, plain(side.feels_like)] for side in COMPARISON.sides]
    assert any(rows[1:] == data_rows for rows in tables), tables
    assert table_rows(found(guide_html().find("table"))) in tables


@pytest.mark.parametrize("item", guide_list_items())
def test_every_list_item_of_the_guide_is_in_the_export(html: BeautifulSoup, item: str) -> None:
    items = [own_text(li).casefold() for li in html.find_all("li")]
    assert guide_item_found(item, items), item


def test_the_quotes_mottos_and_rules_of_the_guide_are_in_the_export(html: BeautifulSoup) -> None:
    text = prose(html)
    quotes = [plain(quote.get_text()) for quote in guide_html().find_all("blockquote")]
    assert quotes
    for quote in quotes:
        assert quote in text, quote
    quoted = [normalize(quote.get_text()) for quote in html.find_all("blockquote")]
    for side in COMPARISON.sides:
        assert f"{side.short_name} = “{plain(side.motto)}”" in text
        assert any(f"{side.short_name} → “{plain(side.thinking_motto)}”" in q for q in quoted)
    for rule in COMPARISON.rules_of_thumb:
        assert f"If it’s {rule.when} → {COMPARISON.side(rule.side).short_name}." in text


def test_the_decision_checklist_is_there_signal_by_signal(html: BeautifulSoup) -> None:
    items = [own_text(li) for li in html.find_all("li")]
    for side in COMPARISON.sides:
        for signal in COMPARISON.signals_for(side.id):
            assert plain(signal.text) in items, signal.id
            if signal.lead:
                assert f"{signal.lead}:" in items, signal.id


def url_path(source: str) -> str:
    """The site's URL path of a page of `docs/`."""
    return next(page.path for page in CONTRACT.pages if page.source == source)


def test_the_sections_are_the_sites_pages_in_the_guides_order(
    html: BeautifulSoup, site: BuiltSite
) -> None:
    def title(url_path: str) -> str:
        # The site draws a title's emoji as a picture; the export writes its character.
        heading = site.article(url_path).find("h1")
        return normalize(text_with_emoji(found(heading))).removesuffix("¶").strip()

    home, *sections = (url_path(page.source) for page in GUIDE_PAGES)
    assert [normalize(h.get_text()) for h in html.find_all("h1")] == [title(home)]
    titles = [title(url_path) for url_path in sections] + [GLOSSARY_TITLE]
    assert [normalize(h.get_text()) for h in html.find_all("h2")] == titles


def test_nothing_shows_as_text_that_github_cannot_render(page: str, html: BeautifulSoup) -> None:
    elements = {tag.name for tag in html.find_all(True)}
    assert elements <= MARKDOWN_ELEMENTS, elements - MARKDOWN_ELEMENTS
    assert not [tag for tag in html.find_all(True) if tag.has_attr("markdown")]
    text = prose(html)
    assert not [syntax for syntax in RAW_SYNTAX if syntax in text]
    assert not [sequence for sequence in MOJIBAKE if sequence in page]
    assert not [character for character in REAL_CHARACTERS if character not in text]


def test_every_link_goes_to_the_contract_the_cookbook_or_a_facts_sources(
    html: BeautifulSoup,
) -> None:
    allowed = (
        contract_urls()
        | {f"{COOKBOOK_ROOT}/{page.path}" for page in COMPARISON.cookbook_pages}
        | {fact.source for fact in COMPARISON.facts}
        | {fact.lifecycle.source for fact in COMPARISON.facts if fact.lifecycle}
        | {
            citation.source
            for _, rules in COMPARISON.chat_models()
            for citation in rules.citations()
        }
    )
    links = [str(a["href"]) for a in html.find_all("a", href=True)]
    assert not [link for link in links if link not in allowed]
    assert any(link.startswith(f"{COOKBOOK_ROOT}/cookbook/") for link in links)


def test_the_payment_sentences_read_as_on_the_site(html: BeautifulSoup) -> None:
    """The export splices the plans and billing units where the sentence names them too."""
    text = prose(html)
    for side in COMPARISON.sides:
        fact = COMPARISON.fact(side.payment_fact).value
        assert plain(side.payment.replace(FACT_SLOT, fact)) in text, side.id


def test_the_site_is_linked_near_the_top_and_where_only_it_has_a_part(
    html: BeautifulSoup,
) -> None:
    url = site_url()
    first_paragraph = found(found(html.find("h1")).find_next_sibling("p"))
    assert canonical_url(url, "") in [attribute(a, "href") for a in first_paragraph("a")]
    links = [attribute(a, "href") for a in html.select("a[href]")]
    for site_only in ("decide/", "first-calls/"):
        assert canonical_url(url, CONTRACT.page(site_only).path) in links, site_only


def test_the_glossary_defines_each_term_the_page_uses_once(html: BeautifulSoup) -> None:
    page = BeautifulSoup(str(html), "html.parser")
    heading = next(h for h in page.find_all("h2") if h.get_text() == GLOSSARY_TITLE)
    glossary = found(heading.find_next_sibling("ul"))
    entries: dict[str, str] = {}
    for item in glossary("li"):
        term, definition = item.get_text().split(": ", 1)
        entries[term] = definition
    glossary.decompose()
    text = prose(page)
    forms: dict[str, list[str]] = {}  # definition → its word forms, in the glossary's order
    for form, definition in definition_lines():
        forms.setdefault(definition, []).append(form)
    expected = {
        word_forms[0]: definition
        for definition, word_forms in forms.items()
        if any(re.search(rf"\b{re.escape(form)}\b", text) for form in word_forms)
    }
    assert expected
    assert entries == expected


def review_note_items(container: Tag) -> list[str]:
    return [normalize(li.get_text()) for li in container.find_all("li")]


def test_facts_show_their_current_values_with_the_sites_review_note(
    html: BeautifulSoup, site: BuiltSite
) -> None:
    text = prose(html)
    for side in COMPARISON.sides:
        assert COMPARISON.fact(side.address_fact).value in text
    site_items: list[str] = []
    for page in GUIDE_PAGES:
        article = site.article(url_path(page.source))
        for note in article.select(".facts-reviewed"):
            site_items += review_note_items(note)
    assert site_items
    note = html.find_all("blockquote")[-1]
    assert review_note_items(note) == list(dict.fromkeys(site_items))


def test_the_readme_line_lists_the_page_and_the_site() -> None:
    line = export()[1]
    assert "\n" not in line
    items = github_html(line).find_all("li")
    assert len(items) == 1
    links = [a["href"] for a in items[0].find_all("a")]
    assert links == [EXPORT_PATH.name, canonical_url(site_url(), "")]


def write_export(project: Path, output: Path) -> subprocess.CompletedProcess[str]:
    """What `make cookbook` runs, for the project in `project`, writing into `output`."""
    result = subprocess.run(
        [sys.executable, "-m", "tools.cookbook_cli", "write", str(output)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result


def test_make_cookbook_writes_the_page_where_the_cookbook_has_it(tmp_path: Path) -> None:
    result = write_export(PROJECT_ROOT, tmp_path)
    page, line = export()
    assert (tmp_path / OUTPUT_FOLDER / EXPORT_PATH).read_text(encoding="utf-8") == page
    assert (tmp_path / README_LINE_FILE).read_text(encoding="utf-8") == line + "\n"
    assert line in result.stdout


# The site's propagation cases, and a fact: the export shows its current value.
EXPORT_CHANGES = {
    **CHANGES,
    "a fact": (COMPARISON.fact(COMPARISON.side("chatgpt").address_fact).value, "chat.example.org"),
}


@pytest.mark.slow
@pytest.mark.parametrize("change", sorted(EXPORT_CHANGES))
def test_a_change_to_the_data_changes_the_export(project_copy: Path, change: str) -> None:
    old, new = EXPORT_CHANGES[change]
    assert plain(old) in prose(github_html(export()[0]))

    replace_in_file(project_copy / "macros" / "data.py", f'"{old}"', f'"{new}"')
    output = project_copy.parent / "build"
    write_export(project_copy, output)
    changed = prose(github_html((output / OUTPUT_FOLDER / EXPORT_PATH).read_text("utf-8")))
    assert plain(new) in changed
    assert plain(old) not in changed


def test_the_mental_model_picture_is_left_to_the_site(html: BeautifulSoup) -> None:
    """GitHub shows no inline SVG: the table after the picture says what it draws."""
    assert html.find(["svg", "figure"]) is None
    lead = html.find("p", string="Think about it like this:")
    assert isinstance(lead, Tag)
    following = lead.find_next_sibling()
    assert following is not None
    assert following.name == "table"
