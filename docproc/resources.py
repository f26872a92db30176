"""Where docproc's data lives: the ``models/`` folder of rules, lexicons, patterns and manifests.

``$DOCPROC_MODELS_DIR`` overrides the folder beside the package (the repository's ``models/``,
which an editable install — ``make install`` — uses in place).
"""

from __future__ import annotations

import os
from pathlib import Path

MODELS_DIR_ENV = "DOCPROC_MODELS_DIR"


def models_dir() -> Path:
    """The ``models/`` directory."""
    override = os.environ.get(MODELS_DIR_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "models"
