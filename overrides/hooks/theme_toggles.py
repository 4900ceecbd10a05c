"""MkDocs hook (`hooks:` in mkdocs.yml): Material's two hidden toggles, as valid HTML.

Material 9.8's `base.html`, which cannot be overridden in part, gives the checkboxes that
open the menu (#__drawer) and the search (#__search) `autocomplete="off"`, so that a
browser restoring form state on reload does not reopen them. HTML allows that attribute on
text-like inputs only, and the Nu checker flags both on every page. The same effect, valid:
the toggles belong, through `form=`, to an empty form that carries `autocomplete="off"`
(the decision checklist does the same).
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.exceptions import PluginError

TOGGLE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox"'
    r' id="__(?:drawer|search)") autocomplete="off">'
)
FORM_ID = "__toggles"
TOGGLES_FORM = f'<form id="{FORM_ID}" autocomplete="off" hidden></form>'


def valid_toggles(html: str, page: str) -> str:
    """`html` with both toggles moved to the autocomplete-off form; fails if one is missing."""
    toggles = list(TOGGLE.finditer(html))
    if len(toggles) != 2:
        raise PluginError(
            f"overrides/hooks/theme_toggles.py: {page}: expected Material's drawer and search"
            f" toggles, found {len(toggles)}; has the theme's base.html changed?"
        )
    fixed = TOGGLE.sub(rf'\1 form="{FORM_ID}">', html)
    last_toggle_end = fixed.index(">", fixed.index('id="__search"')) + 1
    return fixed[:last_toggle_end] + TOGGLES_FORM + fixed[last_toggle_end:]


def on_post_page(output: str, page: Any, config: Any) -> str:
    return valid_toggles(output, page.file.src_uri)


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    # 404.html is the one page of the theme's own templates that has the toggles.
    if template_name == "404.html":
        return valid_toggles(output_content, template_name)
    return output_content
