"""Save the README's screenshot: the main screen on the bundled sample, by the app's own screenshot.

    python -m briefing.tui.screenshot docs/screenshot.svg [--size 160x48]

(``make screenshot``). The app runs headless with the real analysis (through the cache), moves to
the second sentence and chooses the most mentioned actor, then saves an SVG of the screen.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "turkey-ukraine-peacekeeping.txt"


async def _shoot(out: Path, width: int, height: int, source: Path) -> None:
    from briefing.loading import load_document
    from briefing.tui.app import make_app

    document = load_document(str(source))
    document.source = os.path.relpath(document.source, Path.cwd()) if document.source.startswith(str(Path.cwd())) else document.source
    from briefing.annotations import Notebook
    from briefing.store import Store

    with Store() as store:  # a temporary store (see main): one note, so the marks show
        Notebook(store, document, author="analyst").annotate_sentence(2, "Check against NATO's own statements", ["key", "doubt"])
    app = make_app([document.source], documents={document.source: document})
    async with app.run_test(size=(width, height)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("j", "2", "enter", "1")
        await pilot.pause()
        out.parent.mkdir(parents=True, exist_ok=True)
        app.save_screenshot(filename=out.name, path=str(out.parent))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="160x48", help="WIDTHxHEIGHT (default 160x48)")
    parser.add_argument("--source", type=Path, default=SAMPLE)
    args = parser.parse_args(argv)
    width, height = (int(x) for x in args.size.lower().split("x"))
    # the user's reading position and theme must not leak into the picture
    # ... nor the user's notes: a fresh annotation store
    with tempfile.TemporaryDirectory() as config:
        os.environ["BRIEFING_CONFIG_DIR"] = config
        os.environ["BRIEFING_DB"] = str(Path(config) / "briefing.json")
        asyncio.run(_shoot(args.out, width, height, args.source))
    print(args.out)


if __name__ == "__main__":
    main()
