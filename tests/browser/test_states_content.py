"""The article's own controls in the states a reader reaches: code copy buttons, glossary
tooltips, content tabs, headings, and Decide's answer. Read from Chromium's accessibility
tree and checked with axe, in both palettes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Locator, Page, expect

from macros import decision
from macros.data import COMPARISON
from tests.support.accessibility_tree import Node, Tree, accessibility_tree
from tests.support.browsing import Watched, watch
from tests.support.colours import COLOUR_FUNCTIONS
from tests.support.helpers import nav_urls, plain
from tests.support.published import SCHEMES, page_id

AXE = Axe()
CODE_PAGE = "first-calls/"
GLOSSARY_PAGE = "platform/"
COPY_BUTTON = ".md-code__button[data-md-type='copy']"
COPY_NAME = "Copy to clipboard"
EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")


@pytest.fixture(params=sorted(SCHEMES))
def color_scheme(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def reader(browser: Browser, site_url: str, color_scheme: str) -> Iterator[Watched]:
    """A fresh desktop tab whose system asks for `color_scheme`, allowed to use the clipboard."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        color_scheme=color_scheme,  # type: ignore[arg-type]
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    watched = watch(context.new_page(), site_url)
    yield watched
    context.close()


def open_page(reader: Watched, url_path: str, color_scheme: str) -> Page:
    page = reader.page
    page.goto(reader.site_url + url_path)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[color_scheme])
    return page


def assert_axe_clean(page: Page) -> None:
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()


def assert_clean(reader: Watched) -> None:
    assert reader.console_errors == []
    assert reader.external_requests() == []


def names_of(page: Page, role: str) -> list[str]:
    return [" ".join(node.name.split()) for node in accessibility_tree(page).with_role(role)]


def show_tooltip(host: Locator, *, hover: bool = False) -> Locator:
    """Focus (or point at) `host` and return its tooltip once it shows.

    Material turns the host's `title` into the tooltip; a later tooltip comes after earlier ones.
    """
    text = host.get_attribute("title")
    assert text, "the host has no tooltip text"
    host.scroll_into_view_if_needed()
    host.hover() if hover else host.focus()
    tooltip = host.page.locator(".md-tooltip2--active", has_text=text).last
    expect(tooltip).to_be_visible()
    return tooltip


def first_glossary_term(page: Page) -> Locator:
    term = page.locator(".md-content abbr[tabindex='0']").first
    term.scroll_into_view_if_needed()
    return term


def copy_buttons(page: Page) -> Locator:
    buttons = page.locator(COPY_BUTTON)
    expect(buttons.first).to_be_attached()
    return buttons


def dialog_fully_shown(page: Page) -> None:
    """Material's confirmation box, once its fade-in is over (axe measures colours as shown)."""
    dialog = page.locator(".md-dialog.md-dialog--active")
    expect(dialog).to_be_visible()
    expect(dialog).to_have_css("opacity", "1")


# --- Copy buttons -------------------------------------------------------------------------


def test_copy_buttons_keep_their_name_when_focused_or_hovered(
    reader: Watched, color_scheme: str
) -> None:
    page = open_page(reader, CODE_PAGE, color_scheme)
    buttons = copy_buttons(page)
    count = len([button for button in buttons.all() if button.is_visible()])  # others: hidden tabs
    show_tooltip(buttons.nth(0))
    assert names_of(page, "button").count(COPY_NAME) == count
    buttons_in_tree = accessibility_tree(page).with_role("button")
    focused = [node for node in buttons_in_tree if node.properties.get("focused")]
    assert [(node.name, node.description) for node in focused] == [(COPY_NAME, "")], (
        "the focused button is unnamed, or described by its own name again"
    )
    show_tooltip(buttons.nth(1), hover=True)
    assert names_of(page, "button").count(COPY_NAME) == count
    assert_axe_clean(page)
    assert_clean(reader)


def test_copying_code_is_announced_by_a_polite_live_region(
    reader: Watched, color_scheme: str
) -> None:
    page = open_page(reader, CODE_PAGE, color_scheme)
    button = copy_buttons(page).first
    code = page.locator("#__code_0 > code").inner_text()
    button.focus()
    page.keyboard.press("Enter")
    dialog_fully_shown(page)
    assert str(page.evaluate("navigator.clipboard.readText()")).strip() == code.strip()

    tree = accessibility_tree(page)
    announced = [
        tree.text(node) for node in tree if node.properties.get("live") == "polite" and node.role
    ]
    assert "Copied to clipboard" in announced, announced
    assert_axe_clean(page)
    assert_clean(reader)


def test_the_confirmation_is_emptied_once_it_hides(reader: Watched, color_scheme: str) -> None:
    page = open_page(reader, CODE_PAGE, color_scheme)
    copy_buttons(page).first.click()
    dialog_fully_shown(page)
    expect(page.locator(".md-dialog")).not_to_have_class(re.compile("md-dialog--active"))
    expect(page.locator(".md-dialog__inner")).to_have_text("")


# --- Tooltips -----------------------------------------------------------------------------


@pytest.mark.parametrize("url_path", [GLOSSARY_PAGE, CODE_PAGE])
def test_escape_dismisses_a_tooltip_and_keeps_the_focus(
    reader: Watched, color_scheme: str, url_path: str
) -> None:
    page = open_page(reader, url_path, color_scheme)
    host = first_glossary_term(page) if url_path == GLOSSARY_PAGE else copy_buttons(page).first
    tooltip = show_tooltip(host)
    page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()
    assert host.evaluate("element => element === document.activeElement")
    assert_clean(reader)


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("url_path", [GLOSSARY_PAGE, CODE_PAGE])
def test_a_tooltip_leaves_the_next_line_uncovered_and_sits_in_a_landmark(
    reader: Watched, color_scheme: str, url_path: str, width: int
) -> None:
    reader.page.set_viewport_size({"width": width, "height": 800})
    page = open_page(reader, url_path, color_scheme)
    host = first_glossary_term(page) if url_path == GLOSSARY_PAGE else copy_buttons(page).first
    tooltip = show_tooltip(host)
    expect(tooltip).to_have_css("opacity", "1")
    host_box = host.bounding_box()
    box = tooltip.locator(".md-tooltip2__inner").bounding_box()
    assert host_box is not None
    assert box is not None
    line_height = float(host.evaluate("e => parseFloat(getComputedStyle(e).lineHeight) || 0"))
    next_line = (host_box["y"] + host_box["height"], host_box["y"] + host_box["height"] * 2)
    next_line = (next_line[0], max(next_line[1], next_line[0] + line_height))
    assert box["y"] + box["height"] <= next_line[0] or box["y"] >= next_line[1], (
        f"the tooltip ({box}) covers the line under its host ({host_box})"
    )
    header = page.locator(".md-header").bounding_box()
    assert header is not None
    assert box["y"] >= header["y"] + header["height"], "the sticky header hides the tooltip"
    assert tooltip.evaluate("t => t.closest('main') !== null"), "the tooltip is outside <main>"
    assert_axe_clean(page)


# --- Content tabs -------------------------------------------------------------------------


def contrast(page: Page, element: Locator) -> float:
    """The contrast ratio of `element`'s text on what is painted behind it."""
    return float(
        element.evaluate(
            "element => {"
            + COLOUR_FUNCTIONS
            + """
              const background = backgroundOf(element);
              return contrast(over(parse(getComputedStyle(element).color), background), background);
            }"""
        )
    )


def within(tree: Tree, node: Node, role: str) -> list[Node]:
    """The nodes of `role` under `node`, not looking inside one."""
    found = []
    for child in (tree.nodes.get(child_id) for child_id in node.children):
        if child is not None:
            found.extend([child] if child.role == role else within(tree, child, role))
    return found


def plain_text(text: str) -> str:
    return " ".join(text.split())


def tabs_of(page: Page) -> Locator:
    """The content tab sets, once site.js has made them tabs (after Material mounts them)."""
    sets = page.locator(".md-content .tabbed-set")
    expect(sets.first.locator("[role=tab]").first).to_be_attached()
    return sets


def test_content_tabs_are_tab_lists_named_by_their_section(
    reader: Watched, color_scheme: str
) -> None:
    page = open_page(reader, CODE_PAGE, color_scheme)
    sets = tabs_of(page)
    labels = [
        [plain_text(text) for text in tab_set.locator(".tabbed-labels > label").all_inner_texts()]
        for tab_set in sets.all()
    ]
    tree = accessibility_tree(page)
    headings = {node.name for node in tree.with_role("heading")}
    lists = tree.with_role("tablist")
    assert len(lists) == sets.count()
    assert len({node.name for node in lists}) == len(lists), "two tab lists share a name"
    assert {node.name for node in lists} <= headings, "a tab list is not named by its section"
    for node, names in zip(lists, labels, strict=True):
        tabs = within(tree, node, "tab")
        assert [tab.name for tab in tabs] == names
        (selected,) = [tab for tab in tabs if tab.properties.get("selected")]
        # The panels not shown are out of the tree, and so out of their tabs' relations.
        assert "controls" in selected.properties, "the selected tab names no panel"
    panels = tree.with_role("tabpanel")
    assert len(panels) == sets.count()  # the shown panel of each set
    tab_names = {name for names in labels for name in names}
    assert [node.name for node in tree.with_role("link") if node.name in tab_names] == []
    assert_axe_clean(page)
    assert_clean(reader)


def test_content_tabs_move_with_arrow_keys_home_and_end(reader: Watched, color_scheme: str) -> None:
    page = open_page(reader, CODE_PAGE, color_scheme)
    tab_set = tabs_of(page).first
    tabs = tab_set.locator("[role=tab]")
    count = tabs.count()
    tabs.nth(0).focus()
    at = page.evaluate("scrollY")

    def expect_shown(index: int) -> None:
        expect(tabs.nth(index)).to_be_focused()
        expect(tabs.nth(index)).to_have_attribute("aria-selected", "true")
        expect(tab_set.locator(":scope > input").nth(index)).to_be_checked()
        expect(
            tab_set.locator(":scope > .tabbed-content > [role=tabpanel]").nth(index)
        ).to_be_visible()

    for key, index in [
        ("End", count - 1),
        ("Home", 0),
        ("ArrowRight", 1),
        ("ArrowLeft", 0),
        ("ArrowLeft", count - 1),
        ("ArrowRight", 0),
    ]:
        page.keyboard.press(key)
        expect_shown(index)
        assert page.evaluate("scrollY") == at, f"{key} scrolled the page"
    # One stop per set: Tab goes on into the panel, not to the next tab.
    page.keyboard.press("Tab")
    assert tab_set.locator(".tabbed-block:visible :focus").count() == 1


def test_a_focused_content_tab_is_legible_and_marked_by_more_than_colour(
    reader: Watched, color_scheme: str
) -> None:
    page = open_page(reader, CODE_PAGE, color_scheme)
    tab_set = tabs_of(page).first
    tab_set.locator("[role=tab]").first.focus()
    page.keyboard.press("ArrowRight")
    second = tab_set.locator("[role=tab]").nth(1)
    expect(second).to_be_focused()
    expect(tab_set.locator("> input").nth(1)).to_be_checked()
    ratio = contrast(page, second)
    assert ratio >= 4.5, f"the focused tab's label has {ratio:.2f}:1"
    ring = second.evaluate("t => ['outlineStyle', 'outlineWidth'].map(p => getComputedStyle(t)[p])")
    assert ring[0] != "none", "the focused tab is marked by colour alone"
    assert ring[1] != "0px", "the focused tab is marked by colour alone"
    assert_axe_clean(page)
    assert_clean(reader)


# --- Headings and titles ------------------------------------------------------------------


@pytest.mark.parametrize("url_path", nav_urls(), ids=page_id)
def test_headings_and_links_are_named_without_pilcrow_or_emoji(
    reader: Watched, url_path: str
) -> None:
    page = reader.page
    page.goto(reader.site_url + url_path)
    expect(page.locator(".md-typeset .headerlink").first).to_be_attached()
    tree = accessibility_tree(page)
    headings = [node.name for node in tree.with_role("heading")]
    links = [node.name for node in tree.with_role("link")]
    assert headings
    for name in headings + links:
        assert "¶" not in name, f"{name!r} is read with its permalink"
        assert not EMOJI.search(name), f"{name!r} is read with its emoji"
    # The permalinks stay for the pointer, out of the tab order: none takes the focus.
    focusable = page.locator(".md-typeset .headerlink").evaluate_all(
        "links => links.filter(link => (link.focus(), document.activeElement === link)).length"
    )
    assert focusable == 0


def assert_starts_with_a_picture(element: Locator) -> None:
    """The element's emoji: a picture drawn in the page, about as tall as its text, first."""
    picture = element.locator("[aria-hidden='true'] > .twemoji > svg")
    expect(picture).to_be_visible()
    size = picture.evaluate("svg => svg.getBoundingClientRect().height")
    text = element.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert 0.9 * text <= size <= 1.5 * text, (size, text)
    starts = element.evaluate("e => e.textContent.trimStart()")
    assert not EMOJI.match(starts), "the emoji is still a character"


def test_the_emoji_of_titles_and_cards_are_still_shown(reader: Watched) -> None:
    page = reader.page
    page.goto(reader.site_url)
    cards = page.locator(".grid.cards a")
    expect(cards.first).to_be_visible()
    for card in cards.all():
        assert_starts_with_a_picture(card)
    page.goto(reader.site_url + "decide/")
    assert_starts_with_a_picture(page.locator("article h1"))
    # Drawn from the page itself: nothing was fetched for them.
    assert not [url for url in reader.requests if url.split("?")[0].endswith((".svg", ".png"))]
    assert_clean(reader)


# --- Decide -------------------------------------------------------------------------------


def answered_decide(reader: Watched, color_scheme: str) -> Page:
    page = open_page(reader, "decide/", color_scheme)
    expect(page.locator(f"#{decision.RESULT_ID}")).to_be_visible()
    return page


def tick(page: Page, signal_id: str) -> None:
    page.click(f"label[for='signal-{signal_id}']")


def test_the_answer_announces_the_verdict_briefly_and_once(
    reader: Watched, color_scheme: str
) -> None:
    page = answered_decide(reader, color_scheme)
    live = page.locator(f"#{decision.RESULT_ID} [aria-live]")
    page.evaluate(
        """live => {
          window.liveChanges = 0;
          new MutationObserver(() => { window.liveChanges += 1; })
            .observe(live, { childList: true, subtree: true, characterData: true });
        }""",
        live.element_handle(),
    )
    platform = [s for s in COMPARISON.signals if s.side == "platform"][:3]
    tick(page, platform[0].id)
    expect(live).not_to_have_text(re.compile("^$"))
    changes_after_first = page.evaluate("window.liveChanges")
    for signal in platform[1:]:
        tick(page, signal.id)
    expect(page.locator(".decision-result__reasons li")).to_have_count(len(platform))
    assert page.evaluate("window.liveChanges") == changes_after_first, (
        "the live region changed on a tick that left the verdict as it was"
    )

    (verdict,) = [v for v in COMPARISON.verdicts if v.sides == {"platform"}]
    spoken = " ".join(live.inner_text().split())
    assert len(spoken.split()) <= 12, f"the live region reads {spoken!r}"
    assert page.locator(f"#{decision.RESULT_ID} [aria-live] .decision-result__reasons").count() == 0

    tree = accessibility_tree(page)
    names = [node.name for node in tree.with_role("status")]
    assert names.count(decision.RESULT_TITLE) == 1, names
    (region,) = [node for node in tree.with_role("status") if node.name == decision.RESULT_TITLE]
    assert tree.text(region) == spoken
    assert spoken == plain(verdict.headline)
    assert_axe_clean(page)
    assert_clean(reader)


def test_the_share_button_copies_the_answers_link_without_leaving_the_page(
    reader: Watched, color_scheme: str
) -> None:
    page = answered_decide(reader, color_scheme)
    ticked = [COMPARISON.signals[0], COMPARISON.signals[-1]]
    for signal in ticked:
        tick(page, signal.id)
    page.evaluate("window.sameDocument = true")
    address = page.url
    share = page.get_by_role("button", name=decision.SHARE_LABEL)
    share.focus()
    page.keyboard.press("Enter")

    announced = page.get_by_role("status").filter(has_text=decision.SHARE_COPIED)
    expect(announced).to_have_count(1)
    copied = str(page.evaluate("navigator.clipboard.readText()"))
    assert f"{decision.QUERY_PARAMETER}=" in copied
    assert "#" not in copied, "a shared answer should open at the top"
    # The same page and answer; Material's section tracking (navigation.tracking) may name
    # in the hash the section the focus scrolled to, as it does for any scroll.
    assert page.url.split("#")[0] == address.split("#")[0]
    assert page.evaluate("window.sameDocument") is True, "the page reloaded"
    expect(share).to_be_focused()
    dialog_fully_shown(page)
    assert_axe_clean(page)
    assert_clean(reader)
