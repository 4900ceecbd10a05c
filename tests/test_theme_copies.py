"""Each template copied from Material is Material's installed file plus its documented changes.

A partial in `overrides/partials/` replaces Material's whole file, so an upgrade of
Material that changes the original would pass unnoticed and our copy would drift. Here
each copy is compared with the file of the installed Material: the changes its header
comment documents, and only those, applied to Material's file must give ours (white
space aside). When Material changes a file, the test fails naming it: compare the new
original with the copy, carry the copy over, and update its changes here.

`partials/source-file.html` is not a copy but a page-history line written anew, and
`partials/social.html` is our own; `main.html` extends Material's `base.html` and copies
two of its blocks, checked below.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import material
import pytest

from tests.support.helpers import PROJECT_ROOT

MATERIAL = Path(material.__file__).parent / "templates"
OVERRIDES = PROJECT_ROOT / "overrides"
# Our header comment, and Material's notices: "automatically generated", its licence.
LEADING_COMMENTS = re.compile(r"\A\s*(?:\{#-?.*?-?#\}|<!--.*?-->\s*)+", re.DOTALL)


@dataclass(frozen=True)
class Change:
    """Material's text, and what the copy has in its place (white space aside; `…` stands
    for any text, such as a script written for the copy)."""

    material: str
    ours: str


CHANGES: dict[str, tuple[Change, ...]] = {
    "partials/actions.html": tuple(
        Change(
            f"title=\"{{{{ lang.t('action.{action}') }}}}\" class",
            f"title=\"{{{{ lang.t('action.{action}') }}}}\""
            f" aria-label=\"{{{{ lang.t('action.{action}') }}}}\" class",
        )
        for action in ("edit", "view")
    ),
    "partials/copyright.html": (
        Change(
            '<div class="md-copyright">',
            '{% set credit = config.extra.credit %} <div class="md-copyright">',
        ),
        Change(
            "{% endif %} {% if not config.extra.generator == false %}",
            '{% endif %} {% if credit %} <div class="md-copyright__credit"> Adapted from the'
            ' {{ credit.source }} page <a href="{{ credit.page_url }}">{{ credit.page_path }}</a>,'
            ' under the <a href="{{ credit.licence_url }}" rel="license">{{ credit.licence }}</a>.'
            " </div> {% endif %} {% if page and page.content and 'class=\"twemoji\"' in"
            ' page.content %} <div class="md-copyright__credit"> Emoji from <a'
            ' href="https://github.com/jdecked/twemoji">Twemoji</a>, under <a'
            ' href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC-BY 4.0</a>.'
            " </div> {% endif %} {% if not config.extra.generator == false %}",
        ),
    ),
    "partials/header.html": (
        Change(
            '<label class="md-header__button md-icon" for="__drawer"> {% set icon ='
            ' config.theme.icon.menu or "material/menu" %} {% include ".icons/" ~ icon ~'
            ' ".svg" %} </label>',
            '{% set icon = config.theme.icon.menu or "material/menu" %}'
            ' <label class="md-header__button md-icon md-header__menu" for="__drawer">'
            ' {% include ".icons/" ~ icon ~ ".svg" %} </label>'
            ' <button type="button" class="md-header__button md-icon md-header__menu"'
            ' aria-label="{{ lang.t(\'nav\') }}" aria-expanded="false" data-site-menu>'
            ' {% include ".icons/" ~ icon ~ ".svg" %} </button>',
        ),
        Change(
            '<label class="md-header__button md-icon" for="__search"> {% set icon ='
            ' config.theme.icon.search or "material/magnify" %} {% include ".icons/" ~ icon ~'
            ' ".svg" %} </label>',
            '<button type="button" class="md-header__button md-icon md-header__search"'
            " aria-label=\"{{ lang.t('search') }}\" data-site-search> {% set icon ="
            ' config.theme.icon.search or "material/magnify" %} {% include ".icons/" ~ icon ~'
            ' ".svg" %} </button>',
        ),
    ),
    "partials/palette.html": (
        Change(
            '{% if option.toggle %} aria-label="{{ option.toggle.name }}" {% else %}'
            ' aria-hidden="true" {% endif %} type="radio"',
            'aria-hidden="true" tabindex="-1" type="radio"',
        ),
        Change(
            '<label class="md-header__button md-icon" title="{{ option.toggle.name }}"'
            ' for="__palette_{{ loop.index % loop.length }}" hidden>',
            '<button type="button" class="md-header__button md-icon"'
            ' title="{{ option.toggle.name }}" aria-label="{{ option.toggle.name }}"'
            ' data-site-palette="__palette_{{ loop.index % loop.length }}" hidden>',
        ),
        Change("</label> {% endif %} {% endfor %}", "</button> {% endif %} {% endfor %}"),
    ),
    "partials/progress.html": (Change('role="progressbar"', 'aria-hidden="true"'),),
    "partials/search.html": (
        Change('role="dialog">', 'role="dialog" aria-label="{{ lang.t(\'search\') }}">'),
        Change('autocorrect="off" ', ""),
        Change(
            '<nav class="md-search__options" aria-label="{{ lang.t(\'search\') }}">',
            '<div class="md-search__options">',
        ),
        Change("</nav>", "</div>"),
        Change(
            '<div class="md-search-result__meta">',
            '<div class="md-search-result__meta" role="status">',
        ),
    ),
    "partials/source.html": (
        Change(
            'title="{{ lang.t(\'source\') }}" class="md-source" data-md-component="source"',
            'aria-label="{{ lang.t(\'source\') }}: {{ config.repo_name }}" class="md-source"',
        ),
    ),
    "partials/toc.html": (
        Change(
            '<nav class="md-nav md-nav--secondary" aria-label="{{ title | e }}">'
            " {% set toc = page.toc %} {% set first = toc | first %}"
            " {% if first and first.level == 1 %} {% set toc = first.children %} {% endif %}"
            " {% if toc %}",
            "{% set toc = page.toc %} {% set first = toc | first %}"
            " {% if first and first.level == 1 %} {% set toc = first.children %} {% endif %}"
            ' {% if toc %} <nav class="md-nav md-nav--secondary" aria-label="{{ title | e }}">',
        ),
        Change("{% endif %} </nav>", "</nav> {% endif %}"),
    ),
}
WRITTEN_ANEW = {"partials/source-file.html", "partials/social.html"}


def normalized(template: str) -> str:
    """The template without its leading comments, each run of white space one space."""
    return " ".join(LEADING_COMMENTS.sub("", template).split())


def with_changes(original: str, changes: tuple[Change, ...], name: str) -> str:
    for change in changes:
        count = original.count(change.material)
        assert count == 1, (
            f"Material's {name} has {count} times, not once, the text the copy changes:"
            f" {change.material!r}. Material changed the file: compare it with"
            f" overrides/{name}, carry the copy over and update CHANGES in this test."
        )
        original = original.replace(change.material, change.ours)
    return original


def differences(expected: str, copy: str) -> str:
    def lines(text: str) -> list[str]:
        return text.replace("> ", ">\n").splitlines()

    return "\n".join(
        difflib.unified_diff(lines(expected), lines(copy), "expected", "copy", lineterm="")
    )


def copied_partials() -> list[str]:
    """Every override that stands in for a file of Material's of the same name."""
    return sorted(
        path.relative_to(OVERRIDES).as_posix()
        for path in (OVERRIDES / "partials").glob("*.html")
        if (MATERIAL / path.relative_to(OVERRIDES)).is_file()
    )


def test_every_copied_partial_has_its_changes_listed() -> None:
    copies = set(copied_partials()) - WRITTEN_ANEW
    assert copies == set(CHANGES), (
        "a partial in overrides/partials/ replaces Material's file of the same name: list its"
        " changes in CHANGES in tests/test_theme_copies.py (or in WRITTEN_ANEW)"
    )


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_a_copied_partial_is_materials_file_with_its_changes(name: str) -> None:
    copy = normalized((OVERRIDES / name).read_text(encoding="utf-8"))
    expected = with_changes(
        normalized((MATERIAL / name).read_text(encoding="utf-8")), CHANGES[name], name
    )
    pattern = ".*?".join(re.escape(part) for part in expected.split("…"))
    assert re.fullmatch(pattern, copy, re.DOTALL), (
        f"overrides/{name} differs from the installed Material's {name} beyond the changes"
        f" listed for it:\n{differences(expected, copy)}"
    )


def block(template: str, name: str) -> str:
    found = re.search(rf"\{{% block {name} %\}}(.*?)\{{% endblock %\}}", template, re.DOTALL)
    assert found is not None, f"no block {name}"
    return " ".join(found[1].split())


# main.html's one change to the blocks it copies: the contents column is hidden, as
# `hide: toc` hides it, on a page without sections (it would stand empty).
SIDEBAR_CHANGES = (
    Change(
        '{% if page.meta and page.meta.hide %} {% set hidden = "hidden" if "toc" in'
        ' page.meta.hide %} {% endif %} <div class="md-sidebar md-sidebar--secondary"',
        "{% set sections = page.toc %} {% if sections | first and (sections | first).level =="
        " 1 %} {% set sections = (sections | first).children %} {% endif %} {% set hidden ="
        ' "hidden" if not sections %} {% if page.meta and page.meta.hide and "toc" in'
        ' page.meta.hide %} {% set hidden = "hidden" %} {% endif %} <div class="md-sidebar'
        ' md-sidebar--secondary"',
    ),
)


def test_main_html_splits_materials_sidebars_between_two_blocks() -> None:
    """main.html moves the table of contents after the article: base.html's `site_nav`
    block, with main.html's listed change, is ours `site_nav` then the part of ours
    `container` after `super()`."""
    base = (MATERIAL / "base.html").read_text(encoding="utf-8")
    main = (OVERRIDES / "main.html").read_text(encoding="utf-8")
    container = block(main, "container").removeprefix("{{ super() }} ")
    expected = with_changes(block(base, "site_nav"), SIDEBAR_CHANGES, "base.html")
    assert expected == f"{block(main, 'site_nav')} {container}"
