"""Fixtures for the end-to-end tests: a private tmux server, a throwaway sshd on 127.0.0.1.

tmux and openssh-server come from ``make system-deps`` (``make test`` runs it first); when one is
missing the fixtures run that target themselves, and skip with the reason only when it cannot be
installed (not root and no password-less sudo) or sshd cannot start without root.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

from e2e_support import Sshd, Tmux

SSHD = Path("/usr/sbin/sshd")


def _have_system_deps() -> bool:
    return shutil.which("tmux") is not None and SSHD.exists() and shutil.which("ssh") and shutil.which("ssh-keygen")


def _ensure_system_deps() -> None:
    """Install tmux and openssh-server/-client with the Makefile's target when missing, else skip."""
    if _have_system_deps():
        return
    can_install = os.geteuid() == 0 or subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0
    if not can_install or shutil.which("make") is None:
        pytest.skip("tmux/openssh-server are missing and cannot be installed here (not root, no password-less sudo): run `make system-deps`")
    result = subprocess.run(["make", "-C", str(ROOT), "system-deps"], capture_output=True, text=True, timeout=900)
    if result.returncode != 0 or not _have_system_deps():
        pytest.skip(f"`make system-deps` could not install tmux/openssh-server: {(result.stderr or result.stdout)[-500:]}")


@pytest.fixture
def tmux_term(tmp_path: Path) -> Iterator[Tmux]:
    """A detached 80x24 tmux session on a private socket; the server is killed even on failure."""
    _ensure_system_deps()
    term = Tmux(tmp_path / "tmux")
    try:
        yield term
    finally:
        term.kill()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _keygen(path: Path, comment: str) -> None:
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", str(path)],
        check=True, capture_output=True, timeout=60,
    )


@pytest.fixture
def sshd(tmp_path: Path) -> Iterator[Sshd]:
    """openssh-server's sshd on 127.0.0.1 and a free high port, accepting one throwaway key for us.

    Host key, user key, authorized_keys, config, pid file and log all live in ``tmp_path``; sshd is
    stopped in teardown whatever happened.
    """
    _ensure_system_deps()
    base = tmp_path / "sshd"
    base.mkdir()
    user = pwd.getpwuid(os.getuid()).pw_name
    host_key, user_key = base / "host_ed25519", base / "user_ed25519"
    _keygen(host_key, "briefing-e2e-host")
    _keygen(user_key, "briefing-e2e-user")
    authorized = base / "authorized_keys"
    authorized.write_text((base / "user_ed25519.pub").read_text())
    authorized.chmod(0o600)
    port = _free_port()
    config = base / "sshd_config"
    config.write_text(
        "\n".join(
            [
                f"ListenAddress 127.0.0.1:{port}",
                f"HostKey {host_key}",
                f"PidFile {base / 'sshd.pid'}",
                f"AuthorizedKeysFile {authorized}",
                f"AllowUsers {user}",
                "PermitRootLogin prohibit-password",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "PrintMotd no",
                "PrintLastLog no",
                "PermitUserEnvironment no",
                "X11Forwarding no",
                "AllowAgentForwarding no",
                "AllowTcpForwarding no",
                "LogLevel VERBOSE",
                "",
            ]
        )
    )
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(parents=True, exist_ok=True)  # sshd's privilege-separation directory
    check = subprocess.run([str(SSHD), "-t", "-f", str(config)], capture_output=True, text=True, timeout=30)
    if check.returncode != 0:
        message = f"sshd rejects its test config: {check.stderr.strip()}"
        if os.geteuid() != 0:
            pytest.skip(message)
        pytest.fail(message)
    log = base / "sshd.log"
    with log.open("wb") as err:
        proc = subprocess.Popen(
            [str(SSHD), "-D", "-e", "-f", str(config)],
            stdin=subprocess.DEVNULL, stdout=err, stderr=err, start_new_session=True,
        )
    server = Sshd(port=port, user=user, key=user_key, log=log)
    try:
        deadline = time.monotonic() + 20
        while True:
            if proc.poll() is not None:
                message = f"sshd exited ({proc.returncode}) at start: {server.log_tail()}"
                if os.geteuid() != 0:
                    pytest.skip(message)
                pytest.fail(message)
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"sshd does not listen on 127.0.0.1:{port}: {server.log_tail()}")
                time.sleep(0.05)
        yield server
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)  # sshd and any session it still serves
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
