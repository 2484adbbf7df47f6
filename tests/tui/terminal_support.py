"""Drive the installed ``briefing`` console script in a real terminal: tmux, and sshd on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
BRIEFING = BIN / "briefing"


def require(*programs: str) -> None:
    missing = [p for p in programs if shutil.which(p) is None and not Path(p).exists()]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (make system-deps installs them)")


class Tmux:
    """A private tmux server (its own socket) with one window of a fixed size."""

    def __init__(self, width: int = 80, height: int = 24) -> None:
        require("tmux")
        self.socket = f"briefing-test-{uuid.uuid4().hex[:8]}"
        self.width, self.height = width, height

    def run(self, *args: str, check: bool = True) -> str:
        out = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=30)
        if check and out.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {out.stderr.strip()}")
        return out.stdout

    def start(self, command: str, env: dict[str, str]) -> None:
        exports = " ".join(f"{k}={_quote(v)}" for k, v in env.items())
        # the shell stays after the app exits, so the test can read what the terminal was left with
        script = f"env {exports} {command}; echo BRIEFING-EXITED-$?; sleep 600"
        self.run(
            "-f", "/dev/null", "new-session", "-d", "-x", str(self.width), "-y", str(self.height),
            "sh", "-c", script,
        )
        self.run("set-option", "-g", "status", "off", check=False)
        self.run("resize-window", "-x", str(self.width), "-y", str(self.height), check=False)

    def capture(self) -> str:
        return self.run("capture-pane", "-p", "-J")

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.run("send-keys", key)

    def wait_for(self, text: str, timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.capture()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} did not appear within {timeout}s; the screen was:\n{screen}")

    def flags(self) -> dict[str, str]:
        names = ("alternate_on", "mouse_any_flag", "mouse_standard_flag", "mouse_sgr_flag", "cursor_flag", "pane_dead")
        values = self.run("display-message", "-p", " ".join(f"#{{{n}}}" for n in names)).split()
        return dict(zip(names, values))

    def kill(self) -> None:
        self.run("kill-server", check=False)


def _quote(value: str) -> str:
    return "'" + value.replace("'", "'\\''") + "'"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Sshd:
    """openssh-server on 127.0.0.1 and a free port, with a throwaway host key and user key."""

    def __init__(self, directory: Path) -> None:
        require("/usr/sbin/sshd", "ssh", "ssh-keygen")
        self.dir = directory
        self.port = free_port()
        self.user = os.environ.get("USER") or subprocess.run(["id", "-un"], capture_output=True, text=True).stdout.strip()
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        d = self.dir
        d.mkdir(parents=True, exist_ok=True)
        os.chmod(d, 0o700)
        for name in ("host_key", "user_key"):
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(d / name)], check=True)
        (d / "authorized_keys").write_text((d / "user_key.pub").read_text())
        os.chmod(d / "authorized_keys", 0o600)
        Path("/run/sshd").mkdir(exist_ok=True)  # privilege separation directory
        config = d / "sshd_config"
        config.write_text(
            "\n".join(
                [
                    f"Port {self.port}",
                    "ListenAddress 127.0.0.1",
                    f"HostKey {d / 'host_key'}",
                    f"AuthorizedKeysFile {d / 'authorized_keys'}",
                    f"PidFile {d / 'sshd.pid'}",
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "PubkeyAuthentication yes",
                    "PermitRootLogin prohibit-password",
                    "StrictModes no",
                    "UsePAM no",
                    "PrintMotd no",
                    "PrintLastLog no",
                    "AcceptEnv LANG LC_*",
                    "",
                ]
            )
        )
        self.proc = subprocess.Popen(
            ["/usr/sbin/sshd", "-D", "-e", "-f", str(config)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            if self.proc.poll() is not None:
                raise RuntimeError(f"sshd exited: {self.proc.stdout.read().decode(errors='replace')}")
            time.sleep(0.1)
        raise RuntimeError("sshd did not start listening")

    def ssh_command(self, remote: str) -> str:
        d = self.dir
        opts = [
            "-tt", "-p", str(self.port), "-i", str(d / "user_key"),
            "-o", "StrictHostKeyChecking=no", "-o", f"UserKnownHostsFile={d / 'known_hosts'}",
            "-o", "BatchMode=yes", "-o", "LogLevel=ERROR",
        ]
        return "ssh " + " ".join(_quote(o) for o in opts) + f" {self.user}@127.0.0.1 " + _quote(remote)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
