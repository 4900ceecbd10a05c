"""`make serve` on a taken address stops with one line saying how to pick another."""

from __future__ import annotations

import os
import signal
import socket
import subprocess

import pytest

from tests.support.helpers import PROJECT_ROOT, free_port, mkdocs_env

pytestmark = pytest.mark.slow


def test_a_taken_address_is_named_with_the_way_out() -> None:
    address = f"127.0.0.1:{free_port()}"
    host, port = address.split(":")
    with socket.socket() as taken:
        taken.bind((host, int(port)))
        taken.listen()
        process = subprocess.Popen(
            ["make", "--no-print-directory", "serve", f"DEV_ADDR={address}"],
            cwd=PROJECT_ROOT,
            env=mkdocs_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        try:
            output, _ = process.communicate(timeout=120)
        finally:
            if process.poll() is None:  # it served after all: stop make and mkdocs
                os.killpg(process.pid, signal.SIGTERM)
                process.wait()

    assert process.returncode != 0, output
    assert "Traceback" not in output, output
    said = [line for line in output.splitlines() if "already in use" in line]
    assert said == [
        f"{address} is already in use (another `make serve`?). Pick another address: "
        f"make serve DEV_ADDR={host}:{int(port) + 1} (or mkdocs serve --dev-addr "
        f"{host}:{int(port) + 1})"
    ], output
