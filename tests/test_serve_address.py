"""`make serve`'s address: a taken one is named before anything is built, with the way out;
`DEV_ADDR` comes from the command line or the environment; and the preview answers only
requests for this machine (the served side is in tests/test_serve_recovery.py)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess

import pytest

from serve_address import allowed_hosts, host_name
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


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("localhost:8000", "localhost"),
        ("LocalHost.", "localhost"),
        ("[::1]:8000", "::1"),
        ("::1", "::1"),
        ("127.0.0.1", "127.0.0.1"),
        ("evil.example:80", "evil.example"),
    ],
)
def test_the_host_name_of_a_host_header(header: str, name: str) -> None:
    assert host_name(header) == name


@pytest.mark.parametrize(
    ("dev_addr", "setting", "host", "answered"),
    [
        ("127.0.0.1", "", "localhost", True),
        ("127.0.0.1", "", "docs.localhost", True),
        ("127.0.0.1", "", "127.0.0.2", True),
        ("127.0.0.1", "", "::1", True),
        ("127.0.0.1", "", "evil.example", False),
        ("127.0.0.1", "", "localhost.evil.example", False),
        ("127.0.0.1", "", "192.168.1.20", False),
        # Served on a name of the machine's, that name too.
        ("writer-laptop.lan", "", "writer-laptop.lan", True),
        # Served on every interface: any address (a phone on the network), still no name.
        ("0.0.0.0", "", "192.168.1.20", True),
        ("::", "", "fe80::1", True),
        ("0.0.0.0", "", "evil.example", False),
        # SERVE_ALLOWED_HOSTS: names, and a leading dot for the names under one.
        ("127.0.0.1", "preview.test, .ts.example", "preview.test", True),
        ("127.0.0.1", "preview.test .ts.example", "box.ts.example", True),
        ("127.0.0.1", "preview.test,.ts.example", "ts.example.evil", False),
    ],
)
def test_which_hosts_the_preview_answers(
    dev_addr: str, setting: str, host: str, answered: bool
) -> None:
    assert allowed_hosts(dev_addr, setting)(host) is answered
