"""Where docproc's data lives: ``models/`` (rules, lexicons, patterns, manifests) and
``templates/`` (ledger templates).

``$DOCPROC_MODELS_DIR`` and ``$DOCPROC_TEMPLATES_DIR`` override the folders beside the package (the
repository's, which an editable install — ``make install`` — uses in place).
"""

from __future__ import annotations

import os
from pathlib import Path

MODELS_DIR_ENV = "DOCPROC_MODELS_DIR"
TEMPLATES_DIR_ENV = "DOCPROC_TEMPLATES_DIR"


def models_dir() -> Path:
    """The ``models/`` directory."""
    override = os.environ.get(MODELS_DIR_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "models"


def templates_dir() -> Path:
    """The built-in ledger templates."""
    override = os.environ.get(TEMPLATES_DIR_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "templates"
