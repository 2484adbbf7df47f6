"""The analysis: ``analyse(document) -> Analysis``, used alike by the CLI, the TUI and the tests.

Importing this package is cheap: spaCy is imported only when a model is actually loaded, so a
cached analysis never pays for it.
"""

from __future__ import annotations

from collections.abc import Callable

from briefing.analysis.models import ModelSpec, resolve_model
from briefing.analysis.version import ANALYSER_VERSION
from briefing.model import Analysis, Document

__all__ = ["ANALYSER_VERSION", "ModelSpec", "analyse", "resolve_model"]


def analyse(
    document: Document,
    *,
    model: str | ModelSpec | None = None,
    use_cache: bool = True,
    on_progress: Callable | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Analysis:
    """Analyse ``document`` with the resolved model, through the on-disk cache unless ``use_cache`` is False."""
    from briefing import cache

    spec = model if isinstance(model, ModelSpec) else resolve_model(model)
    key = cache.cache_key(document, spec)
    if use_cache:
        hit = cache.load(key, document)
        if hit is not None:
            return hit
    from briefing.analysis.pipeline import run_analysis

    result = run_analysis(document, spec=spec, on_progress=on_progress, should_stop=should_stop)
    if use_cache and result.complete:
        cache.save(key, result, document)
    return result
