"""Code blocks published as plain text with their colours beside them
(overrides/hooks/code_colours.py).

Each character must keep the colour class Pygments gave it, counted as a script counts
text; anything besides Pygments' flat spans fails the build, naming the page.
"""

from __future__ import annotations

from types import SimpleNamespace

import markdown
import pytest
from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

from code_colours import on_page_content, runs_of, uncoloured
from tests.support.code_classes import CodeClasses, classes_from_colours
from tests.support.example_files import EXAMPLE_FILES
from tests.support.helpers import BuiltSite, attribute, found, nav_urls


def highlighted(code: str, language: str) -> str:
    """A fenced block as pymdownx.highlight writes it for the pages."""
    fence = f"```{language}\n{code}\n```"
    return str(markdown.markdown(fence, extensions=["pymdownx.highlight", "pymdownx.superfences"]))


def classes_from_spans(code: Tag) -> CodeClasses:
    """Each character of `code` with the class of the span around it (white space: none)."""
    characters = []
    for text in code.find_all(string=True):
        assert isinstance(text, NavigableString)
        parent = found(text.parent)
        name = str((parent.get("class") or [""])[0]) if parent.name == "span" else ""
        characters += [(char, "" if char.isspace() else name) for char in str(text)]
    return characters


def published_code(page_html: str) -> Tag:
    code = BeautifulSoup(page_html, "html.parser").select_one("pre > code")
    assert code is not None
    return code


SAMPLES = {
    "python": 'import os\n\nprint(f"Hello {os.name}")  # café ☕ 𝛑\nx = """two\nlines""" < 3 & 4\n',
    "bash": "export KEY='a &amp; b'\ncurl \"$API/x\" \\\n  --data '{\n  \"a\": 1\n}'\n",
}


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_each_character_keeps_the_class_pygments_gave_it(language: str) -> None:
    source = highlighted(SAMPLES[language], language)
    published = published_code(uncoloured(source))
    assert published.find("span") is None
    assert classes_from_colours(
        published.text, attribute(published, "data-colours")
    ) == classes_from_spans(published_code(source))


def test_lengths_count_utf16_units_and_decoded_entities() -> None:
    runs = runs_of('<span class="s2">&quot;𝛑&lt;é&quot;</span>\n')
    assert [(run.name, run.length) for run in runs] == [("s2", 6), ("", 1)]


def test_a_multi_line_string_and_neighbours_of_one_class_are_one_run() -> None:
    code = (
        '<span class="s1">\'[{</span>\n<span class="s1">  "a": 1</span>\n'
        '<span class="s1">}]\'</span>'
        '<span class="k">)</span><span class="k">)</span> x'
    )
    assert [run.name for run in runs_of(code)] == ["s1", "k", ""]


def test_a_block_without_colours_is_left_as_it_is() -> None:
    block = highlighted("just words", "text")
    assert uncoloured(block) == block


def test_unexpected_markup_fails_the_build_naming_the_page() -> None:
    page = SimpleNamespace(file=SimpleNamespace(src_uri="first-calls.md"))
    block = '<pre><span></span><code><a href="#l1">1</a><span class="k">if</span></code></pre>'
    with pytest.raises(Exception, match=r"code_colours\.py: first-calls\.md: .*<a href"):
        on_page_content(block, page=page)


@pytest.mark.parametrize("url_path", nav_urls())
def test_published_code_blocks_hold_no_token_elements(site: BuiltSite, url_path: str) -> None:
    for code in site.article(url_path).select("pre > code"):
        assert code.find(True) is None, code.decode()[:80]
        if code.has_attr("data-colours"):
            assert classes_from_colours(code.text, attribute(code, "data-colours"))


def test_the_examples_keep_their_colours(site: BuiltSite) -> None:
    names = {
        run.rpartition(":")[0]
        for code in site.article("first-calls/").select("pre > code[data-colours]")
        for run in attribute(code, "data-colours").split(" ")
    }
    assert {"kn", "s2", "c1", "nv", "s1"} <= names  # import, strings, comments, shell variables
    # Names, white space, punctuation and operators stay uncoloured (code_colours.py's on_config).
    assert not names & {"n", "w", "p", "o"}


@pytest.mark.parametrize("url_path", [*nav_urls(), "404.html"])
def test_only_pages_with_coloured_code_load_the_colouring_script(
    site: BuiltSite, url_path: str
) -> None:
    soup = site.soup(url_path)
    has_colours = soup.select_one("code[data-colours]") is not None
    # Inside the container: the scripts Material runs again after an instant navigation.
    scripts = soup.select("[data-md-component=container] script[src$='code-colours.min.js']")
    assert len(scripts) == (1 if has_colours else 0)


def test_each_example_file_is_published_whole_as_the_text_of_a_block(site: BuiltSite) -> None:
    texts = {code.text.strip() for code in site.article("first-calls/").select("pre > code")}
    for example in EXAMPLE_FILES:
        assert example.read_text(encoding="utf-8").strip() in texts, example.name
