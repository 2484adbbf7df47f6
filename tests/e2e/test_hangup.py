"""A dropped connection (SIGHUP) while a note is being typed: the draft survives and comes back.

The installed console script runs in tmux at 80x24; ``a`` opens the annotate dialog (the note
field has the focus), a note is typed; after the draft debounce has passed (the draft is in the
store) a few more words are typed and the tmux session is killed at once, within the debounce:
tmux closes the pane's terminal and SIGHUP goes to the pane's process group, as when an SSH
connection drops. The app flushes the draft on SIGHUP, so the last words are kept too. Then:
the draft is in the store (read with the core API), no process of the app is left (the analysis
child included), and a new session reopens the note with its text.
"""

from __future__ import annotations

import re
import shlex
import time
from pathlib import Path

import pytest

from tests.conftest import SAMPLE

from e2e_support import Tmux, app_env, marked_lines, processes_with_env, sample_facts, wait_gone

pytestmark = pytest.mark.slow

NOTE = "unfinished thought 42"
LAST = " and the last words"  # typed just before the hang-up, within the draft debounce
DIALOG = "ctrl+s save"  # the annotate dialog's border subtitle
RESTORED = "Unfinished note (restored draft)"  # its title when a draft is restored into it


def briefing_command(bin_dir: Path, home: Path) -> str:
    env = app_env(home)
    return shlex.join(["env", *(f"{k}={v}" for k, v in env.items()), str(bin_dir / "briefing"), str(SAMPLE)])


def drafts_in_store(home: Path) -> list:
    from briefing.annotations import Notebook
    from briefing.loading import load_document
    from briefing.store import Store

    with Store(str(home / "data" / "briefing.json")) as store:
        return Notebook(store, load_document(str(SAMPLE))).drafts()


def test_hangup_while_typing_a_note_keeps_the_draft_and_the_next_session_restores_it(
    installed_briefing: Path, tmux_term: Tmux, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    marker = str(home)
    facts = sample_facts(SAMPLE)
    status = re.compile(r"¶\d+\.\d+ \(1/\d+\)")

    # 1. the reader shows the article's first line, marked current
    tmux_term.start(briefing_command(installed_briefing, home))
    tmux_term.wait_for(
        lambda s: any(line.startswith(facts.first) for line in marked_lines(s)) and status.search(s) is not None,
        f"the article's first line “{facts.first}…” marked current",
        timeout=120,
    )

    # 2. a: the annotate dialog, its note field focused; the note is typed into it
    tmux_term.send("a")
    tmux_term.wait_for(lambda s: DIALOG in s and "Annotate" in s, "a to open the annotate dialog")
    tmux_term.tmux("send-keys", "-t", tmux_term.session, "-l", NOTE)
    tmux_term.wait_for(lambda s: NOTE in s, "the typed note in the dialog's note field")
    time.sleep(1.0)  # the draft is saved 0.5 s after the last keystroke
    running = processes_with_env(marker)
    assert running, f"the running app is found by its environment ({marker})"
    assert [d.text for d in drafts_in_store(home)] == [NOTE], "the debounced draft, saved while the app runs"
    tmux_term.tmux("send-keys", "-t", tmux_term.session, "-l", LAST)
    tmux_term.wait_for(lambda s: NOTE + LAST in s, "the last words in the dialog's note field")

    # 3. hang up at once (before the debounce saves the last words): kill the session as a dropped
    # SSH connection would (SIGHUP to the pane's processes); the app flushes the draft on SIGHUP
    tmux_term.tmux("kill-session", "-t", tmux_term.session)
    left = wait_gone(marker, timeout=15)
    assert left == {}, f"processes of the app still running after the hang-up (were {running}): {left}"

    # 4. the draft is in the store, with the text typed
    drafts = drafts_in_store(home)
    assert [d.text for d in drafts] == [NOTE + LAST], f"the draft typed before the hang-up: {drafts}"
    assert drafts[0].selector.exact.startswith(facts.first.split()[0]), drafts[0].selector

    # 5. a new session reopens the unfinished note with its text; ctrl+s saves it as an annotation
    again = Tmux(tmp_path / "tmux-again")
    try:
        again.start(briefing_command(installed_briefing, home))
        screen = again.wait_for(lambda s: RESTORED in s and NOTE + LAST in s, "the restored draft in the annotate dialog", timeout=120)
        assert DIALOG in screen, screen
        again.send("C-s")
        again.wait_for(lambda s: DIALOG not in s, "ctrl+s to save the restored note")
        again.send("q")
        screen = again.wait_for(lambda s: "EXIT=" in s, "q to quit the app", timeout=30)
        assert "EXIT=0" in screen, screen
        left = wait_gone(marker)
        assert left == {}, f"processes of the app still running after it quit: {left}"
    finally:
        again.kill()

    from briefing.annotations import Notebook
    from briefing.loading import load_document
    from briefing.store import Store

    with Store(str(home / "data" / "briefing.json")) as store:
        notebook = Notebook(store, load_document(str(SAMPLE)))
        assert [p.annotation.note for p in notebook.placed()] == [NOTE + LAST]
        assert notebook.drafts() == [], "the finished note's draft is gone"
