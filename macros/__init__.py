"""mkdocs-macros entry point for the site (`module_name: macros` in mkdocs.yml).

The comparison data lives in `data.py`, its types in `model.py`, its checks in
`validate.py` and its Markdown in `render.py`; `mkdocs_env.py` wires them up.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any


def define_env(env: Any) -> None:
    # mkdocs serve calls define_env on every rebuild, but mkdocs-macros imports
    # this package only once. Forgetting our submodules makes each rebuild
    # import the data as it is on disk now, not as it was at start-up.
    for name in [name for name in sys.modules if name.startswith(f"{__name__}.")]:
        del sys.modules[name]
    importlib.import_module(f"{__name__}.mkdocs_env").define_env(env)


def on_pre_page_macros(env: Any) -> None:
    importlib.import_module(f"{__name__}.mkdocs_env").on_pre_page_macros(env)


def on_post_page_macros(env: Any) -> None:
    importlib.import_module(f"{__name__}.mkdocs_env").on_post_page_macros(env)


def on_post_build(env: Any) -> None:
    importlib.import_module(f"{__name__}.mkdocs_env").on_post_build(env)
