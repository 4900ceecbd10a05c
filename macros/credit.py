"""The credit in every page's footer: the cookbook page the guide comes from, and its licence.

The page's address is built like every other cookbook link, from `extra.cookbook_base_url`
and the guide's old home in the URL contract (the first old address of mkdocs.yml's
redirects), never typed into a template.
"""

from __future__ import annotations

from dataclasses import dataclass

from .render import cookbook_url
from .validate import is_https_url

SOURCE = "LLM Cookbook"
LICENCE = "GNU GPL v3"
LICENCE_URL = "https://www.gnu.org/licenses/gpl-3.0.html"


class CreditError(ValueError):
    """The credit cannot link its source; the message names the setting to fix."""


@dataclass(frozen=True)
class Credit:
    source: str
    page_path: str
    """The original page's path in the cookbook's repository."""
    page_url: str
    licence: str
    licence_url: str


def footer_credit(cookbook_base_url: str, original_page: str) -> Credit:
    """The credit of `original_page`, the guide's page in the cookbook (without `.md`)."""
    if not is_https_url(cookbook_base_url):
        raise CreditError(
            "mkdocs.yml: extra.cookbook_base_url (or COOKBOOK_BASE_URL) is not an https URL: "
            f"{cookbook_base_url!r}"
        )
    page_path = f"{original_page}.md"
    return Credit(
        source=SOURCE,
        page_path=page_path,
        page_url=cookbook_url(cookbook_base_url, page_path),
        licence=LICENCE,
        licence_url=LICENCE_URL,
    )
