"""Emoji are pictures written into the page, not characters left to the reader's fonts."""

from __future__ import annotations

import pytest
from bs4 import Tag

from tests.support.emoji_files import (
    EMOJI_CHARACTER,
    SHORTCODE,
    character,
    drawn_character,
    emoji_files,
    shortcodes_in_docs,
)
from tests.support.helpers import BuiltSite, nav_urls


def test_every_emoji_a_page_names_has_its_picture() -> None:
    used = shortcodes_in_docs()
    assert used, "no page names an emoji: this test would check nothing"
    files = emoji_files()
    for name, pages in used.items():
        assert name in files, f"{sorted(pages)}: :twemoji-{name}: has no file {name}.svg"


def test_every_picture_is_named_after_its_emoji_and_used() -> None:
    used = shortcodes_in_docs()
    for name in emoji_files():
        assert character(name), name  # KeyError: the name is not a Twemoji short name
        assert name in used, f"{name}.svg is used by no page"


@pytest.mark.parametrize("url_path", nav_urls())
def test_titles_and_cards_need_no_emoji_font(site: BuiltSite, url_path: str) -> None:
    article = site.article(url_path)
    decorated = article.find_all(["h1", "h2", "h3", "h4"]) + article.select(".grid.cards a")
    for element in decorated:
        assert not EMOJI_CHARACTER.search(element.get_text()), element.get_text()
    assert not SHORTCODE.search(article.get_text()), "a short name was left as text"
    for picture in article.select(".twemoji"):
        assert picture.find_parent(attrs={"aria-hidden": "true"}), "a picture is read out"
        assert isinstance(picture.svg, Tag), picture
        assert picture.find("img") is None, picture
        assert drawn_character(picture)


def test_each_card_shows_the_emoji_of_the_page_it_opens(site: BuiltSite) -> None:
    cards = site.article("").select(".grid.cards a[href]")
    assert cards
    for card in cards:
        picture = card.select_one(".twemoji")
        assert picture is not None, card.get_text()
        title = site.article(str(card["href"]).removeprefix("./")).find("h1")
        assert isinstance(title, Tag)
        shown = title.select_one(".twemoji")
        assert shown is not None, title.get_text()
        assert drawn_character(picture) == drawn_character(shown), card.get_text()


@pytest.mark.parametrize("url_path", nav_urls())
def test_pages_showing_twemoji_credit_it(site: BuiltSite, url_path: str) -> None:
    """Twemoji's licence, CC-BY 4.0, asks for credit where its pictures are shown."""
    shows_one = bool(site.article(url_path).select(".twemoji"))
    footer = site.soup(url_path).select_one(".md-copyright")
    assert footer is not None
    credit = [
        link
        for link in footer.select("a[rel=license]")
        if link["href"] == "https://creativecommons.org/licenses/by/4.0/"
    ]
    assert bool(credit) == shows_one, url_path or "home"
    if shows_one:
        assert "Twemoji" in footer.get_text()
