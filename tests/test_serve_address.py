"""`make serve`'s address: a taken one is named before anything is built, with the way out;
and `DEV_ADDR` comes from the command line or the environment."""

from __future__ import annotations

import os
import signal
import socket
import subprocess

import pytest

from tests.support.helpers import PROJECT_ROOT, free_port, mkdocs_env


def serve_on_a_taken_address(command: list[str], address: str) -> str:
    host, port = address.split(":")
    with socket.socket() as taken:
        taken.bind((host, int(port)))
        taken.listen()
        process = subprocess.Popen(
            command,
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
    return output


@pytest.mark.slow
def test_a_taken_address_is_named_with_the_way_out() -> None:
    address = f"127.0.0.1:{free_port()}"
    host, port = address.split(":")
    output = serve_on_a_taken_address(
        ["make", "--no-print-directory", "serve", f"DEV_ADDR={address}"], address
    )
    assert "Traceback" not in output, output
    said = [line for line in output.splitlines() if "already in use" in line]
    assert said == [
        f"{address} is already in use (another `make serve`?). Pick another address: "
        f"make serve DEV_ADDR={host}:{int(port) + 1} (or mkdocs serve --dev-addr "
        f"{host}:{int(port) + 1})"
    ], output


@pytest.mark.slow
def test_a_taken_address_is_named_before_anything_is_built() -> None:
    """`--verbose` shows every step MkDocs and its plugins take: none of the build's."""
    address = f"127.0.0.1:{free_port()}"
    output = serve_on_a_taken_address(
        [str(PROJECT_ROOT / ".venv/bin/mkdocs"), "serve", "--verbose", "--dev-addr", address],
        address,
    )
    assert "already in use" in output, output
    for step in ("[macros]", "Reading markdown pages", "Building page", "Documentation built"):
        assert step not in output, f"{step!r}: the build ran before the address was tried"


def make_serve_command(environment: dict[str, str], *arguments: str) -> str:
    """The command `make serve` would run, as `make -n` prints it."""
    inherited = {name: value for name, value in mkdocs_env().items() if name != "DEV_ADDR"}
    printed = subprocess.run(
        ["make", "--no-print-directory", "-n", "serve", *arguments],
        cwd=PROJECT_ROOT,
        env={**inherited, **environment},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return printed.strip().splitlines()[-1]


def test_dev_addr_comes_from_the_environment_or_the_command_line() -> None:
    environment = {"DEV_ADDR": "127.0.0.1:8123"}
    assert make_serve_command(environment).endswith("serve --dev-addr 127.0.0.1:8123")
    assert make_serve_command(environment, "DEV_ADDR=127.0.0.1:8124").endswith(
        "--dev-addr 127.0.0.1:8124"
    )
    assert make_serve_command({}).endswith("--dev-addr 127.0.0.1:8000")
