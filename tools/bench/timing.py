"""Run a command and measure it: wall-clock seconds, CPU seconds and the peak memory of the process.

On a shared machine the wall clock counts the other processes' load too; the CPU time
(user + system, the command's own and its children's) barely moves with it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float
    peak_mb: float
    returncode: int
    output: str


def run_timed(command: Sequence[str], cwd: Path, env: dict[str, str]) -> Run:
    """Run `command` to its end; CPU time and peak resident memory come from its rusage (wait4)."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode("utf-8", errors="replace")
    # Linux reports ru_maxrss in kilobytes.
    cpu_seconds = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu_seconds, usage.ru_maxrss / 1024, process.returncode, text)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)
