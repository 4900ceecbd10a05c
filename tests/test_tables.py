"""Every table and checklist is rendered from the data, and no page carries a hand-made copy."""

from __future__ import annotations

from pathlib import Path

from macros.data import COMPARISON
from macros.model import FACT_SLOT, Comparison
from macros.render import COMPARISON_TABLE_CORNER
from tests.support.helpers import DOCS, BuiltSite, normalize, own_text, plain, table_rows


def rows_of(site: BuiltSite, url_path: str, first_header: str) -> list[list[str]]:
    for table in site.article(url_path).find_all("table"):
        rows = table_rows(table)
        if rows[0][0] == first_header:
            return rows
    raise AssertionError(f"no table starting with {first_header!r} on {url_path!r}")


def test_mental_model_table_on_home_and_its_own_page(site: BuiltSite) -> None:
    expected = [["Thing", "What it feels like"]] + [
        [side.name, plain(side.feels_like)] for side in COMPARISON.sides
    ]
    for url_path in ("", "mental-model/"):
        assert rows_of(site, url_path, "Thing") == expected


def test_comparison_table_cells_equal_the_data(site: BuiltSite) -> None:
    chatgpt, platform = COMPARISON.sides

    def joined(items: tuple[str, ...]) -> str:
        return normalize(" ".join(plain(item) for item in items))

    rows = rows_of(site, "responsibilities/", COMPARISON_TABLE_CORNER)
    assert rows[0] == [COMPARISON_TABLE_CORNER, chatgpt.name, platform.name]
    by_topic = {row[0]: row[1:] for row in rows[1:]}
    assert by_topic["What it is"] == [plain(chatgpt.identity), plain(platform.identity)]
    assert by_topic["Where"] == [
        COMPARISON.fact(chatgpt.address_fact).value,
        COMPARISON.fact(platform.address_fact).value,
    ]
    assert by_topic["Product owner"] == [chatgpt.owner, platform.owner]
    assert by_topic["Great for"] == [joined(chatgpt.great_for), joined(platform.great_for)]
    for side, cell in zip(COMPARISON.sides, by_topic["How you pay"], strict=True):
        fact = COMPARISON.fact(side.payment_fact).value
        assert cell == plain(side.payment.replace(FACT_SLOT, fact)), "the fact is where it reads"


def test_checklist_summary_on_the_home_page(site: BuiltSite) -> None:
    rows = rows_of(site, "", plain(COMPARISON.sides[0].use_when))
    assert rows[0] == [plain(side.use_when) for side in COMPARISON.sides]
    for column, side in enumerate(COMPARISON.sides):
        cells = [row[column] for row in rows[1:] if row[column]]
        assert cells == [plain(s.sentence) for s in COMPARISON.signals_for(side.id)]


def test_checklist_on_the_decide_page_lists_every_signal_under_its_lead(site: BuiltSite) -> None:
    items = [own_text(li) for li in site.article("decide/").find_all("li")]
    for signal in COMPARISON.signals:
        assert plain(signal.text) in items or plain(signal.sentence) in items, signal.id
        if signal.lead:
            assert f"{signal.lead}:" in items, signal.lead


def test_responsibilities_split_on_two_pages(site: BuiltSite) -> None:
    for url_path in ("responsibilities/", "decide/"):
        items = [own_text(li) for li in site.article(url_path).find_all("li")]
        for side in COMPARISON.sides:
            for decision in side.owner_decides:
                assert plain(decision) in items, (url_path, decision)


def data_rows(comparison: Comparison) -> set[str]:
    """Every sentence-sized text of the data: long enough that a copy in prose is a pasted row."""
    texts: list[str] = [s.text for s in comparison.signals] + [k.detail for k in comparison.knobs]
    for side in comparison.sides:
        texts += [side.feels_like, side.motto, side.thinking_motto, side.identity, side.payment]
        for field in (
            "owner_decides",
            "owner_handles",
            "you_deal_with",
            "you_dont_deal_with",
            "great_for",
        ):
            texts += getattr(side, field)
    return {plain(text) for text in texts if len(text.split()) >= 4}


def hand_copied_rows(docs: Path, comparison: Comparison) -> list[tuple[str, str]]:
    """(page, row) for each data row typed into a page instead of rendered from the data."""
    found = []
    for page in sorted(docs.rglob("*.md")):
        text = plain(page.read_text(encoding="utf-8"))
        found += [(page.name, row) for row in sorted(data_rows(comparison)) if row in text]
    return found


def test_no_page_holds_a_hand_written_copy_of_a_row() -> None:
    assert hand_copied_rows(DOCS, COMPARISON) == []


def test_a_pasted_row_is_caught(tmp_path: Path) -> None:
    pasted = COMPARISON.signals[0].text
    (tmp_path / "page.md").write_text(f"# A page\n\n- {pasted}\n", encoding="utf-8")
    assert hand_copied_rows(tmp_path, COMPARISON) == [("page.md", plain(pasted))]
