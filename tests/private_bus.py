"""A private D-Bus daemon for tests: nothing is started on demand, any name may be owned.

The system's default session config allows service activation, so a stray request could
start a second notification daemon or keyring; this config does not.
"""

from __future__ import annotations

import select
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def write_config(directory: Path) -> Path:
    """A bus config listening on ``directory/bus``; returns the config file."""
    config = directory / "bus.conf"
    config.write_text(BUS_CONFIG.format(socket=directory / "bus"))
    return config


@contextmanager
def private_bus(directory: Path, timeout: float = 10.0) -> Iterator[str]:
    """Run a bus for the duration of the block; yields its address."""
    config = write_config(directory)
    daemon = subprocess.Popen(
        ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert daemon.stdout is not None
    try:
        ready, _, _ = select.select([daemon.stdout], [], [], timeout)
        if not ready:
            raise TimeoutError("dbus-daemon printed no address")
        yield daemon.stdout.readline().decode().strip()
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
        daemon.stdout.close()
