"""The converter from the site's Markdown to GitHub's: each construct, and code left alone."""

from __future__ import annotations

import pytest

from tools.gfm import (
    ConversionError,
    abbreviations,
    link_targets,
    outside_code,
    rewrite_links,
    to_github,
)


def test_heading_ids_and_button_attributes_go() -> None:
    page = "## The rule { #rule-of-thumb }\n\n[Work through it](decide.md){ .md-button }\n"
    assert to_github(page) == "## The rule\n\n[Work through it](decide.md)\n"


def test_every_form_of_attribute_list_goes() -> None:
    for attributes in ("{: .note }", '{ .a #b data-x="1 2" }', "{#plain}", "{ target=_blank }"):
        assert to_github(f"Text{attributes}") == "Text\n", attributes


def test_braces_that_are_no_attribute_list_stay() -> None:
    assert to_github("A set {a, b} and { spaced words }") == "A set {a, b} and { spaced words }\n"


def test_a_fence_keeps_only_its_language_of_its_attribute_list() -> None:
    page = '```{ .python title="x.py" data-search-exclude="" }\nx = {"a": 1}\n```\n'
    assert to_github(page) == '```python\nx = {"a": 1}\n```\n'
    indented = "    ~~~~{ .bash data-search-exclude }\n    ls\n    ~~~~\n"
    assert to_github(indented) == "    ~~~~bash\n    ls\n    ~~~~\n"


def test_headings_move_down_without_passing_level_six() -> None:
    page = "# Title\n\n## Part\n\n###### Deepest\n\n#hashtag"
    assert to_github(page, heading_shift=1) == (
        "## Title\n\n### Part\n\n###### Deepest\n\n#hashtag\n"
    )


def test_grid_cards_become_a_plain_list() -> None:
    page = (
        '<div class="grid cards" markdown>\n\n'
        "-   **ChatGPT**\n\n    ---\n\n    OpenAI decides.\n\n"
        "-   **Platform**\n\n    ---\n\n    You decide.\n\n"
        "</div>\n\nAfter."
    )
    assert to_github(page) == (
        "-   **ChatGPT**\n\n    OpenAI decides.\n\n-   **Platform**\n\n    You decide.\n\nAfter.\n"
    )


def test_a_rule_outside_grid_cards_stays() -> None:
    page = '<div class="note" markdown>\n\nText\n\n    ---\n\n</div>\n\n---\n\nEnd'
    assert to_github(page) == "Text\n\n    ---\n\n---\n\nEnd\n"


def test_an_html_div_without_markdown_stays() -> None:
    assert to_github('<div class="x">\nText\n</div>') == '<div class="x">\nText\n</div>\n'


def test_an_admonition_becomes_a_quotation_under_its_title() -> None:
    page = '!!! info extra-class "When reviewed"\n\n    Each one:\n\n    - a\n    - b\n\nAfter.'
    assert to_github(page) == "> **When reviewed**\n>\n> Each one:\n>\n> - a\n> - b\n\nAfter.\n"


def test_an_admonition_without_title_is_titled_by_its_kind_and_one_with_an_empty_title_is_not() -> (
    None
):
    assert to_github("!!! warning\n\n    Careful.") == "> **Warning**\n>\n> Careful.\n"
    assert to_github('??? tip ""\n    Psst.') == "> Psst.\n"


def test_content_tabs_become_labelled_parts() -> None:
    page = '=== "Python"\n\n    ```python\n    print(1)\n    ```\n\n=== "curl"\n\n    curl it\n'
    assert to_github(page) == "**Python**\n\n```python\nprint(1)\n```\n\n**curl**\n\ncurl it\n"


def test_nested_blocks_keep_their_indentation() -> None:
    page = '1. Step\n\n    !!! note "Mind"\n\n        Nested.\n'
    assert to_github(page) == "1. Step\n\n    > **Mind**\n    >\n    > Nested.\n"


def test_abbreviation_definitions_go() -> None:
    assert to_github("Use an API key.\n\n*[API key]: A secret.\n") == "Use an API key.\n"


def test_a_snippet_cannot_be_exported() -> None:
    with pytest.raises(ConversionError, match="snippet"):
        to_github('```python\n--8<-- "first_request.py"\n```')


def test_site_only_inline_html_is_unwrapped_around_code() -> None:
    line = (
        'Use <span class="fact" data-fact="model_small">`m-1`</span> '
        '(reviewed <time datetime="2026-11-25">25 November 2026</time>)'
    )
    assert to_github(line) == "Use `m-1` (reviewed 25 November 2026)\n"


def test_code_is_left_exactly_as_it_is() -> None:
    page = (
        "Write `## H { #id }` or `<span>x</span>`.\n\n"
        "```markdown\n# Heading { #id }\n!!! note\n    body\n\n\n*[A]: b\n<span>x</span>\n```\n"
    )
    assert to_github(page, heading_shift=2) == page


def test_blank_lines_left_by_removed_constructs_collapse() -> None:
    assert to_github("A\n\n*[X]: y\n\n\nB") == "A\n\nB\n"


def test_links_are_rewritten_outside_code_only() -> None:
    page = "[a](a.md) `[b](b.md)`\n\n```\n[c](c.md)\n```\n[d](d.md#x)"
    assert link_targets(page) == ["a.md", "d.md#x"]
    assert rewrite_links(page, str.upper) == (
        "[a](A.MD) `[b](b.md)`\n\n```\n[c](c.md)\n```\n[d](D.MD#X)"
    )


def test_abbreviations_are_read_in_order() -> None:
    glossary = (
        '[//]: # "A comment"\n*[API key]: A secret.\n*[API keys]: A secret.\n*[RAG]:  Retrieval.'
    )
    assert list(abbreviations(glossary).items()) == [
        ("API key", "A secret."),
        ("API keys", "A secret."),
        ("RAG", "Retrieval."),
    ]


def test_outside_code_leaves_out_code_blocks_and_spans() -> None:
    page = "Use `tokens` wisely.\n\n```text\ntokens\n```\n\nSpend tokens."
    assert "tokens" not in outside_code(page).split("\n")[0]
    assert outside_code(page).count("tokens") == 1


def test_a_drawn_emoji_becomes_its_character() -> None:
    page = '# <span aria-hidden="true">:twemoji-brain:</span> Same brain\n\nA :twemoji-mag: search'
    assert to_github(page) == "# 🧠 Same brain\n\nA 🔍 search\n"


def test_an_emoji_in_code_stays_as_written() -> None:
    page = "Write `:twemoji-brain:` in a title.\n\n```markdown\n# :twemoji-brain: Title\n```"
    assert to_github(page) == page + "\n"


def test_an_emoji_name_twemoji_does_not_know_is_refused() -> None:
    with pytest.raises(ConversionError, match=":twemoji-no_such_emoji:"):
        to_github("# :twemoji-no_such_emoji: Title")
