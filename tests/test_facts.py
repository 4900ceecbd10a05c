"""Facts that stay true: rendered only from the data, sourced, dated, and reported by age."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import fields, is_dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from macros.data import COMPARISON
from macros.facts import stale_before
from macros.model import Comparison, Fact
from macros.validate import DataError, validate
from tests.support.helpers import DOCS, PROJECT_ROOT, BuiltSite, found, replace_in_file, run_build

DATA_FILE = "macros/data.py"
NOTE_CLASS = "facts-reviewed"
NOTE = f".{NOTE_CLASS}"
# Only Markdown pages are scanned: files under docs/examples/ are code that
# snippets include, and they take model names from the data or the environment.
PAGES = sorted(DOCS.rglob("*.md"))
CURRENT_ADDRESSES = {side.address_fact for side in COMPARISON.sides}
FORMER_ADDRESSES = [
    fact for fact in COMPARISON.facts if fact.kind == "address" and fact.id not in CURRENT_ADDRESSES
]
MODELS = [fact for fact in COMPARISON.facts if fact.kind == "model"]


def names_in(fact: Fact) -> list[str]:
    """What a writer might hand-type: the value, or each plan of a list of plans."""
    if fact.kind == "plan":
        return [name.strip() for name in re.split(r",| and ", fact.value)]
    return [fact.value]


def typed_in(name: str, text: str) -> bool:
    # Whole words, case-sensitive: plan names such as "Pro" are ordinary words.
    return re.search(rf"\b{re.escape(name)}\b", text) is not None


def long_date(day: date) -> str:
    return f"{day.day} {day:%B} {day.year}"


def shown_facts(article: Tag) -> list[Fact]:
    """The facts tagged in a page's content, outside its review note, once each, in order."""
    ids = [
        element["data-fact"]
        for element in article.select("[data-fact]")
        if element.find_parent(class_=NOTE_CLASS) is None
    ]
    return [COMPARISON.fact(str(fact_id)) for fact_id in dict.fromkeys(ids)]


def content_pages(site: BuiltSite) -> dict[str, Tag]:
    """The article of every built page that has one, by its path in the site."""
    articles = {}
    for path in site.html_pages():
        if not path.is_file():  # a redirect's folder can be named like a page
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article.md-content__inner")
        if article is not None:
            articles[path.relative_to(site.root).as_posix()] = article
    return articles


# --- The data ---------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.relative_to(DOCS).as_posix())
def test_no_fact_is_hand_typed_in_a_page(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    for fact in COMPARISON.facts:
        for name in names_in(fact):
            assert not typed_in(name, text), (
                f"{page}: {name!r} is typed; use {{{{ fact({fact.id!r}) }}}}"
            )


def test_no_fact_is_hand_typed_in_the_datas_other_records() -> None:
    others = [value for value in _strings(COMPARISON) if not isinstance(value[0], Fact)]
    for fact in COMPARISON.facts:
        for name in names_in(fact):
            typed = [f"{type(r).__name__}.{f}" for r, f, text in others if typed_in(name, text)]
            assert not typed, f"{name!r} typed in {typed}; name the fact's id instead"


def test_every_fact_has_an_https_source_and_a_review_date_not_in_the_future() -> None:
    today = date.today()
    assert validate(COMPARISON, source=DATA_FILE, today=today) is COMPARISON
    for fact in COMPARISON.facts:
        assert fact.source.startswith("https://"), fact
        assert fact.reviewed <= today, fact


@pytest.mark.parametrize(
    "bad_source", ["http://chatgpt.com/", "https://", "chatgpt.com", "https://chat gpt.com/"]
)
def test_a_source_that_is_not_an_https_url_is_named(bad_source: str) -> None:
    fact = COMPARISON.facts[0]
    with pytest.raises(DataError) as error:
        validate(with_fact(fact, source=bad_source), source=DATA_FILE, today=date.today())
    expected = f"{DATA_FILE}: Fact '{fact.id}': field 'source' is not an https URL: {bad_source!r}"
    assert expected in str(error.value)


def test_a_review_date_in_the_future_is_named() -> None:
    fact = COMPARISON.facts[-1]
    today = fact.reviewed - timedelta(days=1)
    with pytest.raises(DataError) as error:
        validate(COMPARISON, source=DATA_FILE, today=today)
    expected = f"{DATA_FILE}: Fact '{fact.id}': field 'reviewed' is in the future: {fact.reviewed}"
    assert expected in str(error.value)


@pytest.mark.slow
def test_bad_fact_data_fails_the_build_naming_record_and_field(project_copy: Path) -> None:
    insecure, future = COMPARISON.facts[0], COMPARISON.facts[-1]
    data = project_copy / "macros" / "data.py"
    replace_in_file(data, f'source="{insecure.source}"', 'source="http://example.com/"')
    set_review_date(data, future, "date(9999, 1, 1)")
    result = run_build(project_copy, project_copy.parent / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0, log
    assert f"{DATA_FILE}: Fact '{insecure.id}': field 'source' is not an https URL" in log, log
    assert f"{DATA_FILE}: Fact '{future.id}': field 'reviewed' is in the future" in log, log


# --- The built pages --------------------------------------------------------


def test_each_page_that_shows_facts_ends_with_when_they_were_reviewed(site: BuiltSite) -> None:
    pages_with_facts = 0
    for url_path, article in content_pages(site).items():
        facts = shown_facts(article)
        notes = article.select(NOTE)
        if not facts:
            assert notes == [], f"{url_path}: a review note but no fact"
            continue
        pages_with_facts += 1
        assert len(notes) == 1, f"{url_path}: {len(notes)} review notes"
        items = notes[0].select("li")
        assert len(items) == len(facts), url_path
        for fact, item in zip(facts, items, strict=True):
            link, when = item.find("a"), item.find("time")
            assert link is not None, item
            assert when is not None, item
            assert (link["href"], link.get_text()) == (fact.source, fact.value), url_path
            assert when["datetime"] == fact.reviewed.isoformat(), url_path
            assert when.get_text() == long_date(fact.reviewed), url_path
    assert pages_with_facts >= len(COMPARISON.sides)


def test_pages_show_todays_addresses_and_each_former_one_once(site: BuiltSite) -> None:
    articles = content_pages(site).values()
    shown = [fact for article in articles for fact in shown_facts(article)]
    for fact_id in CURRENT_ADDRESSES:
        assert COMPARISON.fact(fact_id) in shown, fact_id
    assert FORMER_ADDRESSES
    for fact in FORMER_ADDRESSES:
        assert shown.count(fact) == 1, f"{fact.value} is mentioned {shown.count(fact)} times"
        page = next(article for article in articles if fact in shown_facts(article))
        current = [other for other in shown_facts(page) if other.id in CURRENT_ADDRESSES]
        assert current, f"{fact.value} is mentioned without the address that replaced it"


def test_the_review_notes_stay_out_of_the_search_index(site: BuiltSite) -> None:
    """Every first view loads the whole index; a note only repeats facts its page shows."""
    index = (site.root / "search" / "search_index.json").read_text(encoding="utf-8")
    for article in content_pages(site).values():
        for note in article.select(NOTE):
            assert note.find_parent(attrs={"data-search-exclude": True}) is not None
            title = found(note.select_one(".admonition-title")).get_text(strip=True)
            assert title not in index


def test_model_names_are_dated_examples(site: BuiltSite) -> None:
    articles = content_pages(site).values()
    items = [
        item
        for article in articles
        for item in article.select("li")
        if item.select_one(f"[data-fact='{MODELS[0].id}']")
        and not item.find_parent(class_=NOTE_CLASS)
    ]
    assert items, "no page shows the model examples"
    for item in items:
        text = item.get_text()
        assert "for example" in text, text
        assert all(fact.value in text for fact in MODELS), text
        assert long_date(min(fact.reviewed for fact in MODELS)) in text, text


# The words a sentence must put before a fact it splices, by the fact's kind: whatever the
# current value, a list of plans reads as the plans, billing units as what usage is billed by.
INTRODUCED_BY = {"plan": "the plans are", "billing": "billed by"}


def test_a_spliced_plan_or_billing_fact_reads_as_what_it_is(site: BuiltSite) -> None:
    """ "a subscription, or the free plan (Free, Plus and Pro)" read as if Plus were free."""
    spliced = 0
    for url_path, article in content_pages(site).items():
        for span in article.select("span.fact[data-fact]"):
            fact = COMPARISON.fact(str(span["data-fact"]))
            if fact.kind not in INTRODUCED_BY or span.find_parent(class_=NOTE_CLASS):
                continue
            block = " ".join(found(span.find_parent(["li", "p", "td"])).get_text().split())
            before = block[: block.index(fact.value)].rstrip()
            assert before.endswith(INTRODUCED_BY[fact.kind]), (url_path, block)
            spliced += 1
    assert spliced >= 4  # each side's page and the responsibilities table, at least


def test_no_page_quotes_a_price(site: BuiltSite) -> None:
    price = re.compile(r"[$€£]\s?\d|\d\s?(USD|EUR|GBP)\b|per month|/month")
    for url_path, article in content_pages(site).items():
        for code in article.select("pre, code"):
            code.decompose()
        assert price.search(article.get_text()) is None, url_path


# --- make facts -------------------------------------------------------------


def facts_report(today: date) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "tools.facts_report", "--today", today.isoformat()],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def fact_line(lines: list[str], fact: Fact) -> str:
    matching = [line for line in lines if f" {fact.id} " in line]
    assert len(matching) == 1, (fact.id, lines)
    return matching[0]


def test_the_report_lists_every_fact_with_source_and_age_oldest_first() -> None:
    today = max(fact.reviewed for fact in COMPARISON.facts) + timedelta(days=10)
    lines = facts_report(today)
    for fact in COMPARISON.facts:
        line = fact_line(lines, fact)
        assert fact.source in line, line
        assert fact.reviewed.isoformat() in line, line
        assert f"{(today - fact.reviewed).days} days" in line, line
    order = sorted(COMPARISON.facts, key=lambda fact: lines.index(fact_line(lines, fact)))
    assert [fact.reviewed for fact in order] == sorted(fact.reviewed for fact in COMPARISON.facts)


def test_the_report_flags_facts_older_than_six_months_and_only_those() -> None:
    # 200 days is more than any six months, 150 days less: no month arithmetic is needed here.
    newest = max(fact.reviewed for fact in COMPARISON.facts)
    for today in (newest + timedelta(days=150), newest + timedelta(days=200)):
        lines = facts_report(today)
        for fact in COMPARISON.facts:
            flagged = fact_line(lines, fact).startswith("OLD")
            age = (today - fact.reviewed).days
            if age >= 200:
                assert flagged, (today, fact.id)
            elif age <= 150:
                assert not flagged, (today, fact.id)


def test_the_report_says_what_each_review_checked() -> None:
    lines = facts_report(max(fact.reviewed for fact in COMPARISON.facts))
    for fact in COMPARISON.facts:
        assert f"  {fact.id}, reviewed {fact.reviewed.isoformat()}: {fact.checked}" in lines
    for _, rules in COMPARISON.chat_models():
        for citation in rules.citations():
            read = f"read {citation.reviewed.isoformat()} at {citation.source} ({citation.checked})"
            assert any(line.endswith(read) for line in lines), read


def test_the_report_never_fails_on_age() -> None:
    far_future = max(fact.reviewed for fact in COMPARISON.facts) + timedelta(days=3650)
    lines = facts_report(far_future)  # asserts exit status 0
    assert all(fact_line(lines, fact).startswith("OLD") for fact in COMPARISON.facts)


@pytest.mark.parametrize(
    ("today", "boundary"),
    [
        (date(2026, 11, 25), date(2026, 5, 25)),
        (date(2026, 8, 31), date(2026, 2, 28)),
        (date(2026, 3, 15), date(2025, 9, 15)),
    ],
)
def test_six_months_is_counted_in_calendar_months(today: date, boundary: date) -> None:
    assert stale_before(today) == boundary


def test_make_facts_runs_the_report() -> None:
    result = subprocess.run(
        ["make", "--dry-run", "--always-make", "facts"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "-m tools.facts_report" in result.stdout, result.stdout


# --- helpers ----------------------------------------------------------------


def with_fact(fact: Fact, **changes: object) -> Comparison:
    facts = tuple(replace(f, **changes) if f == fact else f for f in COMPARISON.facts)  # type: ignore[arg-type]
    return replace(COMPARISON, facts=facts)


def set_review_date(data_file: Path, fact: Fact, expression: str) -> None:
    """Point one fact's `reviewed` at `expression`, whatever constant it uses now."""
    text = data_file.read_text(encoding="utf-8")
    start = text.index(f'id="{fact.id}"')
    field = text.index("reviewed=", start)
    end = text.index(",", field)
    data_file.write_text(text[:field] + f"reviewed={expression}" + text[end:], encoding="utf-8")


def _strings(value: object) -> Iterator[tuple[object, str, str]]:
    """Every text field of every record: (record, field name, text). A `source` is an address
    to follow, not words a page shows, so a model page's URL may hold the model's name."""
    for field in fields(value):  # type: ignore[arg-type]
        if field.name == "source":
            continue
        item = getattr(value, field.name)
        members = item if isinstance(item, tuple | frozenset) else (item,)
        for member in members:
            if isinstance(member, str):
                yield value, field.name, member
            elif is_dataclass(member):
                yield from _strings(member)
