"""The decision helper's HTML on the built "Decide" page, checked against the data.

Without JavaScript the page must be the full checklist and the rule of thumb;
the script only reads what the macros embed, so the embedded data must say
what `macros/data.py` says.
"""

from __future__ import annotations

import json
from itertools import groupby
from typing import cast
from urllib.parse import urljoin

import markdown
import pytest
from bs4 import BeautifulSoup, Tag

from macros import decision, render
from macros.data import COMPARISON
from macros.model import SIDE_IDS, Signal
from tests.support.helpers import BuiltSite, attribute, found, nav_urls

PAGE = "decide/"
HEADING_IDS = {"chatgpt": "use-chatgpt-when", "platform": "use-the-platform-when"}


def plain(markdown_text: str) -> str:
    """The text a reader sees for inline Markdown from the data."""
    return BeautifulSoup(markdown.markdown(markdown_text), "html.parser").get_text()


def text(element: Tag) -> str:
    return " ".join(element.get_text().split())


@pytest.fixture(scope="module")
def article(site: BuiltSite) -> Tag:
    return site.article(PAGE)


def side_fieldset(article: Tag, side_id: str) -> Tag:
    heading = article.find(id=HEADING_IDS[side_id])
    assert heading is not None, f"heading #{HEADING_IDS[side_id]} is missing"
    fieldset = heading.find_next_sibling(["fieldset", "h2"])
    assert fieldset is not None, f"no checklist under #{heading['id']}"
    assert fieldset.name == "fieldset", f"a heading comes before the checklist of {side_id!r}"
    return fieldset


def checkbox(article: Tag, signal: Signal) -> Tag:
    box = article.find("input", id=decision.input_id(signal))
    assert box is not None, f"no checkbox for signal {signal.id!r}"
    return box


def visible_without_script(element: Tag) -> bool:
    return not any(parent.has_attr("hidden") for parent in [element, *element.parents])


@pytest.mark.parametrize("side_id", SIDE_IDS)
def test_each_side_is_a_fieldset_of_its_signals_in_order(article: Tag, side_id: str) -> None:
    fieldset = side_fieldset(article, side_id)
    legend = fieldset.find("legend", recursive=False)
    assert legend is not None
    assert text(legend) == plain(COMPARISON.side(side_id).use_when)
    boxes = fieldset.find_all("input", type="checkbox")
    assert [box["value"] for box in boxes] == [s.id for s in COMPARISON.signals_for(side_id)]
    assert all(box["data-side"] == side_id for box in boxes)


@pytest.mark.parametrize("side_id", SIDE_IDS)
def test_signals_sharing_a_lead_are_a_nested_fieldset(article: Tag, side_id: str) -> None:
    fieldset = side_fieldset(article, side_id)
    for lead, signals in groupby(COMPARISON.signals_for(side_id), key=lambda s: s.lead):
        boxes = [checkbox(article, signal) for signal in signals]
        groups = {box.find_parent("fieldset") for box in boxes}
        assert len(groups) == 1, f"the signals led by {lead!r} are split"
        group = groups.pop()
        if lead:
            assert group is not fieldset
            assert found(group).find_parent("fieldset") is fieldset
            legend = found(group).find("legend", recursive=False)
            assert legend is not None
            assert text(legend) == f"{plain(lead)}:"
        else:
            assert group is fieldset


def test_every_signal_has_a_label_tied_to_its_checkbox(article: Tag) -> None:
    for signal in COMPARISON.signals:
        box = checkbox(article, signal)
        labels = article.find_all("label", attrs={"for": box["id"]})
        assert len(labels) == 1, signal.id
        assert text(labels[0]) == plain(signal.text)


def test_without_script_the_page_is_the_whole_checklist_and_the_rule(article: Tag) -> None:
    for signal in COMPARISON.signals:
        label = found(article.select_one(f"label[for='{decision.input_id(signal)}']"), signal.id)
        assert visible_without_script(label), f"signal {signal.id!r} is hidden"
        if signal.lead:
            legend = found(found(label.find_parent("fieldset")).find("legend"), signal.id)
            assert visible_without_script(legend)
            assert text(legend).startswith(plain(signal.lead))
    rule_heading = article.find(id="rule-of-thumb")
    assert rule_heading is not None
    rules = text(found(rule_heading.find_next_sibling("p"), "the rule of thumb"))
    for rule in COMPARISON.rules_of_thumb:
        assert plain(rule.when) in rules
        assert COMPARISON.side(rule.side).short_name in rules
    result = article.find(id=decision.RESULT_ID)
    assert result is not None
    assert result.has_attr("hidden"), "the result shows without script"


def test_the_result_is_announced_through_a_live_region(article: Tag) -> None:
    result = found(article.find(id=decision.RESULT_ID))
    live = result.select("[aria-live]")
    assert len(live) == 1
    assert live[0]["aria-live"] == "polite"
    assert live[0].get_text(strip=True) == "", "the live region must start empty"


def test_the_details_and_actions_sit_outside_the_live_region(article: Tag) -> None:
    """Only the verdict is announced: the reasons and the buttons are read on demand."""
    result = found(article.find(id=decision.RESULT_ID))
    live = found(result.select_one("[aria-live]"), "the live region")
    for part in ("decision-result__details", "decision-result__actions"):
        element = result.find(class_=part)
        assert element is not None, part
        assert live not in element.parents, part
        assert element not in live.descendants, part


def test_the_share_control_is_a_button_that_copies(article: Tag) -> None:
    share = found(article.find(class_="decision-result__share"), "the share button")
    assert share.name == "button"
    assert share["type"] == "button"
    assert text(share) == decision.SHARE_LABEL
    assert share["data-copied"] == decision.SHARE_COPIED


def embedded_data(article: Tag) -> dict[str, list[dict[str, object]]]:
    element = article.find(id=decision.PAYLOAD_ID)
    assert element is not None
    data: dict[str, list[dict[str, object]]] = json.loads(attribute(element, "data-payload"))
    return data


def test_the_embedded_data_is_the_decision_logic_of_the_data_source(article: Tag) -> None:
    data = embedded_data(article)
    assert [(s["id"], s["side"], s["lead"]) for s in data["signals"]] == [
        (s.id, s.side, s.lead) for s in COMPARISON.signals
    ]
    for signal in data["signals"]:
        box = article.find("input", id=str(signal["input"]))
        assert box is not None
        assert box["value"] == signal["id"]
    assert {v["id"]: frozenset(cast(list[str], v["sides"])) for v in data["verdicts"]} == {
        v.id: v.sides for v in COMPARISON.verdicts
    }


def test_every_verdict_has_its_wording_and_the_rules_of_its_sides(article: Tag) -> None:
    result = found(article.find(id=decision.RESULT_ID))
    for verdict in COMPARISON.verdicts:
        template = found(result.select_one(f"[data-verdict='{verdict.id}']"), verdict.id)
        headline = found(template.find(class_="decision-verdict__headline"), verdict.id)
        assert text(headline) == plain(verdict.headline)
        assert plain(verdict.advice) in text(template)
        rules = [text(rule) for rule in template.find_all(class_="decision-rule")]
        assert rules == [
            plain(render.rule_sentence(COMPARISON, rule))
            for rule in COMPARISON.rules_of_thumb
            if rule.side in verdict.sides
        ], verdict.id
        has_reasons = template.find(class_="decision-result__reasons") is not None
        assert has_reasons == bool(verdict.sides), verdict.id


def test_links_in_the_answers_lead_to_pages_of_the_site(article: Tag, site: BuiltSite) -> None:
    result = found(article.find(id=decision.RESULT_ID))
    for verdict in COMPARISON.verdicts:
        wanted = BeautifulSoup(markdown.markdown(verdict.advice), "html.parser").find_all("a")
        links = found(result.select_one(f"[data-verdict='{verdict.id}']")).find_all("a")
        assert [text(link) for link in links] == [text(link) for link in wanted], verdict.id
        for link in links:
            target = urljoin(f"/{PAGE}", attribute(link, "href")).lstrip("/")
            assert site.path(target).is_file(), f"{verdict.id}: {link['href']} leads nowhere"


def test_the_markdown_copy_for_assistants_is_the_checklist_without_the_script_parts(
    site: BuiltSite,
) -> None:
    copy = site.path(f"{PAGE}index.md").read_text(encoding="utf-8")
    for signal in COMPARISON.signals:
        assert f"- {signal.text}\n" in copy, signal.id
    for verdict in COMPARISON.verdicts:
        assert plain(verdict.headline) not in copy, f"the hidden answer {verdict.id!r} leaked"
    assert decision.RESULT_TITLE not in copy


def test_the_page_loads_the_script_and_styles_from_the_site(site: BuiltSite) -> None:
    soup = site.soup(PAGE)
    scripts = [attribute(tag, "src") for tag in soup.select("script[src]")]
    styles = [attribute(tag, "href") for tag in soup.select("link[rel=stylesheet]")]
    for wanted, urls in (
        ("assets/javascripts/decision-helper.min.js", scripts),
        ("assets/stylesheets/decision-helper.min.css", styles),
    ):
        assert any(url.split("?")[0].endswith(wanted) for url in urls), wanted
        assert site.path(wanted).is_file(), wanted


@pytest.mark.parametrize("url_path", [*nav_urls(), "404.html"])
def test_only_the_page_with_the_form_loads_the_helper(site: BuiltSite, url_path: str) -> None:
    soup = site.soup(url_path)
    has_form = soup.find(id=decision.RESULT_ID) is not None
    stylesheets = soup.select("head link[rel=stylesheet][href$='decision-helper.min.css']")
    # Inside the container: the scripts Material runs again after an instant navigation.
    scripts = soup.select("[data-md-component=container] script[src$='decision-helper.min.js']")
    assert (len(stylesheets), len(scripts)) == ((1, 1) if has_form else (0, 0))
