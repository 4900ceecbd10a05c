"""The minifier must not change what a stylesheet says.

mkdocs-minify-plugin publishes our stylesheets through csscompressor, which knows CSS only
in part: it has read `.picture :is(.frame)` (the frames inside the picture) as
`.picture:is(.frame)` inside @media, and taken the spaces out of the sums inside `clamp()`,
which made the header tooltips' position invalid. Chromium is the judge: each stylesheet as
written and as published must parse to the same rules, declaration for declaration.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.support.helpers import DOCS, fetch
from tests.support.published import OWN_ASSETS, minified

# Every rule of a stylesheet as Chromium reads it, one line each: a selector it cannot read
# loses its rule, a value it cannot read is gone. A value holding var() is kept as written
# until it is used, so its text is compared, written one way: one space where there was
# any, none inside brackets or beside commas, no zero before a decimal point. The spaces that
# CSS needs, around + and - in a sum, stay and count.
PARSED_RULES = r"""
(text) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  const oneWay = (value) =>
    value
      .replace(/\s+/g, " ")
      .replace(/\(\s+/g, "(")
      .replace(/\s+\)/g, ")")
      .replace(/\s*,\s*/g, ",")
      .replace(/(^|[^\w.])0\./g, "$1.")
      .trim();
  const lines = [];
  const read = (rules, within) => {
    for (const rule of rules) {
      if (rule.style) lines.push(`${within}${rule.selectorText} { ${oneWay(rule.style.cssText)} }`);
      if (rule.cssRules) read(rule.cssRules, `${within}@${rule.conditionText ?? rule.name ?? ""} `);
    }
  };
  read(sheet.cssRules, "");
  return lines;
}
"""


@pytest.mark.parametrize("stylesheet", [asset for asset in OWN_ASSETS if asset.endswith(".css")])
def test_a_published_stylesheet_says_what_its_source_says(
    browser: Browser, site_url: str, stylesheet: str
) -> None:
    page = browser.new_page()
    try:
        written = page.evaluate(PARSED_RULES, (DOCS / stylesheet).read_text(encoding="utf-8"))
        published = page.evaluate(PARSED_RULES, fetch(site_url + minified(stylesheet)))
    finally:
        page.close()
    changed = [rule for rule in written if rule not in published]
    assert not changed, (
        f"the published {minified(stylesheet)} lost or changed these rules of docs/{stylesheet};"
        " write them so the minifier keeps them (a descendant `:is(…)` as `*:is(…)`, a sum"
        " inside calc()):\n" + "\n".join(changed)
    )
    assert len(published) == len(written)
