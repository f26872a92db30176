"""Where docproc's data lives: ``models/`` (rules, lexicons, patterns, manifests) and
``templates/`` (ledger templates).

Found in this order: ``$DOCPROC_MODELS_DIR`` / ``$DOCPROC_TEMPLATES_DIR``; the copies a wheel
carries inside the package (``docproc/_bundled/``, see ``setup.py``); the folders beside the
package (the repository's, which a checkout and an editable install — ``make install`` — use in
place).
"""

from __future__ import annotations

import os
from pathlib import Path

MODELS_DIR_ENV = "DOCPROC_MODELS_DIR"
TEMPLATES_DIR_ENV = "DOCPROC_TEMPLATES_DIR"
PACKAGE_DIR = Path(__file__).resolve().parent


def _data_dir(name: str, environment_variable: str) -> Path:
    override = os.environ.get(environment_variable)
    if override:
        return Path(override)
    bundled = PACKAGE_DIR / "_bundled" / name
    return bundled if bundled.is_dir() else PACKAGE_DIR.parent / name


def models_dir() -> Path:
    """The ``models/`` directory."""
    return _data_dir("models", MODELS_DIR_ENV)


def templates_dir() -> Path:
    """The built-in ledger templates."""
    return _data_dir("templates", TEMPLATES_DIR_ENV)
