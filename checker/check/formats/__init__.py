"""Output formats of `checker check`, one module each behind one interface.

Every format module has `render(result: CheckResult) -> str`; article text is
untrusted, so each module escapes it the way its format requires. `Format` names them
(checker.check.formats.names) and `render` picks one (checker.check.formats.renderers);
both are imported on first use, so naming the formats loads no formatter.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from checker.check.formats.names import Format
    from checker.check.formats.renderers import RENDERERS, Renderer, render

_EXPORTS = {"Format": "checker.check.formats.names", "RENDERERS": "checker.check.formats.renderers", "Renderer": "checker.check.formats.renderers", "render": "checker.check.formats.renderers"}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
