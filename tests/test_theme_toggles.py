"""Material's menu and search toggles keep their reload behaviour with valid HTML."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from tests.support.helpers import BuiltSite, nav_urls
from theme_toggles import FORM_ID, valid_toggles


@pytest.mark.parametrize("url_path", [*nav_urls(), "404.html"])
def test_both_toggles_belong_to_a_form_that_turns_autocomplete_off(
    site: BuiltSite, url_path: str
) -> None:
    soup = site.soup(url_path)
    form = soup.find("form", id=FORM_ID)
    assert form is not None
    assert form.get("autocomplete") == "off"
    for toggle in ("__drawer", "__search"):
        box = soup.find("input", id=toggle)
        assert box is not None
        assert box.get("form") == FORM_ID
        assert not box.has_attr("autocomplete")


def test_a_theme_without_the_toggles_stops_the_build_naming_the_hook() -> None:
    page = BeautifulSoup("<body><input id='__drawer'></body>", "html.parser")
    with pytest.raises(
        PluginError, match=r"overrides/hooks/theme_toggles\.py: index\.md: .* found 0"
    ):
        valid_toggles(str(page), "index.md")
