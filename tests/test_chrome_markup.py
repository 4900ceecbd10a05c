"""The site's chrome as built: landmarks, header controls and the search field.

The behaviour is tested in the browser (tests/browser/test_keyboard.py and
test_states_chrome.py); these check the markup the overrides produce.
"""

from __future__ import annotations

import pytest
from bs4 import Tag

from tests.support.helpers import BuiltSite, attribute, found, nav_urls

PAGES = [*nav_urls(), "404.html"]
LANDMARKS = "header, nav, main, aside, footer, form, [role=search], [role=navigation]"


@pytest.mark.parametrize("url_path", PAGES)
def test_every_navigation_landmark_holds_links(site: BuiltSite, url_path: str) -> None:
    """A screen reader lists each nav as a place to go: an empty one is a dead end."""
    navs = site.soup(url_path).select("nav, [role=navigation]")
    empty = [nav for nav in navs if not nav.select("a[href]")]
    assert not empty, [str(nav)[:120] for nav in empty]


def name_of(element: Tag) -> str:
    return str(element.get("aria-label", "")).strip()


@pytest.mark.parametrize("url_path", PAGES)
def test_no_landmark_takes_the_search_dialogs_name(site: BuiltSite, url_path: str) -> None:
    soup = site.soup(url_path)
    dialog = soup.select_one(".md-search[role=dialog]")
    assert dialog is not None
    assert name_of(dialog)
    namesakes = [
        str(landmark)[:120]
        for landmark in soup.select(LANDMARKS)
        if name_of(landmark) == name_of(dialog)
    ]
    assert namesakes == []


@pytest.mark.parametrize("url_path", PAGES)
def test_header_buttons_are_named_buttons(site: BuiltSite, url_path: str) -> None:
    """Menu and search open from the keyboard: real buttons with a name, not labels.

    Material's menu label stays beside the button for readers without JavaScript, for whom
    it opens the drawer by pointer or touch (site.css and no-script.css show one or the other:
    tests/browser/test_no_script.py); the search needs scripts, so its label goes.
    """
    header = site.soup(url_path).select_one("header.md-header")
    assert header is not None
    assert not header.select("label.md-header__button[for=__search]"), "search is a label"
    assert len(header.select("label.md-header__button[for=__drawer]")) == 1
    menu = header.select_one("button[data-site-menu]")
    search = header.select_one("button[data-site-search]")
    assert menu is not None
    assert search is not None
    assert menu.get("aria-expanded") == "false"
    assert name_of(menu)
    assert name_of(search)


@pytest.mark.parametrize("url_path", PAGES)
def test_search_markup_is_valid_and_announces_its_count(site: BuiltSite, url_path: str) -> None:
    search = site.soup(url_path).select_one(".md-search")
    assert search is not None
    field = search.select_one("input.md-search__input")
    assert field is not None
    # Not an HTML attribute: the Nu HTML Checker reports it.
    assert not field.has_attr("autocorrect")
    count = search.select_one(".md-search-result__meta")
    assert count is not None
    assert count.get("role") == "status"


def test_the_missing_page_says_so_in_its_title(site: BuiltSite) -> None:
    """A tab, a history entry and a screen reader announce the title first."""
    title = site.soup("404.html").title
    home = site.soup("").title
    assert title is not None
    assert home is not None
    assert "not found" in title.get_text().casefold()
    assert title.get_text() != home.get_text()


@pytest.mark.parametrize("url_path", PAGES)
def test_the_palette_is_buttons_over_radios_no_one_tabs_to(site: BuiltSite, url_path: str) -> None:
    """Each palette is a button named by what it does; Material's radios stay for Material."""
    palette = site.soup(url_path).select_one("form[data-md-component=palette]")
    assert palette is not None
    radios = palette.select("input[type=radio]")
    buttons = palette.select("button[type=button][data-site-palette]")
    assert radios
    assert len(buttons) == len(radios)
    assert not palette.select("label")
    for radio in radios:
        assert radio.get("tabindex") == "-1"
        assert radio.get("aria-hidden") == "true"
    ids = [radio["id"] for radio in radios]
    for index, button in enumerate(buttons):
        assert name_of(button)
        # Material shows the button after the radio in use: it checks the next one.
        radio = found(button.find_previous_sibling("input"), "the radio before a button")
        assert attribute(radio, "id") == ids[index]
        assert button["data-site-palette"] == ids[(index + 1) % len(ids)]


@pytest.mark.parametrize("url_path", nav_urls())
def test_glossary_terms_take_the_focus_without_scripts(site: BuiltSite, url_path: str) -> None:
    """Every term is a tab stop from the build on, but inside a link: the link is the stop."""
    wrong = [
        str(term)[:80]
        for term in site.article(url_path).find_all("abbr")
        if (term.get("tabindex") == "0") == bool(term.find_parent(["a", "button", "label"]))
    ]
    assert wrong == []
