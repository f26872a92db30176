"""The paddle engine for real runs only under ``make test-paddle``, which installs paddleocr into its
own virtualenv, fetches the model folders at install time (``tools/paddle_models.py``) and names
them in ``$DOCPROC_PADDLE_MODELS``. Without that variable (``make test``, which has no paddleocr)
these tests are not collected at all.
"""

from __future__ import annotations

import os

PADDLE_MODELS_ENV = "DOCPROC_PADDLE_MODELS"

collect_ignore_glob = [] if os.environ.get(PADDLE_MODELS_ENV) else ["test_*.py"]

# This folder is not named ``paddle``: ``tests/`` is on sys.path, so a ``tests/paddle`` package would be
# imported as the ``paddle`` module paddlex probes for.
