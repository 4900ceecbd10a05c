"""Debian's Chromium, started the same way by the browser tests and the benchmark."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

# Without the background-networking flags Chromium keeps calling home, and this
# machine's closed network refuses it; --no-sandbox because CI runs as root.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    """Debian's Chromium, or None where it is not installed."""
    return shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
    )


def chromium_version(path: str) -> str:
    """What the browser says of itself: "Chromium 156.0.8078.114 built on Debian …"."""
    result = subprocess.run(
        [path, "--version"], capture_output=True, text=True, check=False, timeout=30
    )
    return result.stdout.strip() or f"unknown ({path} --version said nothing)"
