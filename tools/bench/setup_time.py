"""Set-up of a fresh clone: no .venv, then `make serve` until it answers, and `make test`.

The clone holds what is committed. The package caches (uv, npm) stay warm, as on a
writer's machine the second time.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.error
from pathlib import Path

from tests.support.helpers import fetch
from tools.bench import PROJECT_ROOT
from tools.bench.timing import Run, run_timed

GIVE_UP_SECONDS = 600


def clone(destination: Path) -> Path:
    subprocess.run(["git", "clone", "--quiet", str(PROJECT_ROOT), str(destination)], check=True)
    return destination


def answers(url: str) -> bool:
    try:
        fetch(url, timeout=2)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False
    return True


def seconds_to_serve(workdir: Path, address: str) -> float:
    """From `git clone` to `make serve` answering at `address` (the clone has no .venv)."""
    url = f"http://{address}/"
    if answers(url):
        raise RuntimeError(f"something already answers on {url}")
    start = time.perf_counter()
    project = clone(workdir / "clone-serve")
    log = (workdir / "make-serve.log").open("w", encoding="utf-8")
    # A session of its own, so that make, mkdocs and its reloader stop together.
    make = subprocess.Popen(
        ["make", "serve", f"DEV_ADDR={address}"],
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        while not answers(url):
            if make.poll() is not None or time.perf_counter() - start > GIVE_UP_SECONDS:
                raise RuntimeError(f"make serve did not answer; see {log.name}")
            time.sleep(0.1)
        return time.perf_counter() - start
    finally:
        os.killpg(make.pid, signal.SIGTERM)
        make.wait(timeout=30)
        log.close()


def make_test(workdir: Path) -> tuple[float, Run]:
    """From the clone to the end of `make test`: seconds, and the run (with its exit code)."""
    start = time.perf_counter()
    project = clone(workdir / "clone-test")
    env = {key: value for key, value in os.environ.items() if key != "VIRTUAL_ENV"}
    run = run_timed(["make", "test"], project, env)
    return time.perf_counter() - start, run
