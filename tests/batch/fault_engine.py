"""A test-only OCR engine: instant, deterministic lines per image, and a page that kills its worker.

``register()`` adds it to the engine registry as ``fault`` (worker processes forked afterwards
inherit it). Options (strings, as ``--engine-option`` passes them):

- ``delay``: seconds to sleep per page (to interrupt a run in the middle);
- ``on_dark``: what a page whose mean brightness is below 40 does: ``kill`` (SIGKILL itself, as
  the out-of-memory killer would), ``segv`` (SIGSEGV, a crash in native code) or ``exit``
  (``os._exit(3)``); empty: nothing special.
"""

from __future__ import annotations

import faulthandler
import hashlib
import os
import signal
import time

import numpy as np

from docproc.ocr.base import OcrLine

DARK_MEAN = 40


def register() -> None:
    from docproc.ocr import registry

    registry.register_engine("fault", "tests.batch.fault_engine", "FaultEngine")


def unregister() -> None:
    from docproc.ocr import registry

    registry._ENGINES.pop("fault", None)


class FaultEngine:
    name = "fault"

    def __init__(self, delay: str = "0", on_dark: str = "", threads: int = 1) -> None:
        self.delay = float(delay)
        self.on_dark = on_dark

    def recognize(self, image: np.ndarray) -> list[OcrLine]:
        if self.delay:
            time.sleep(self.delay)
        if self.on_dark and float(image.mean()) < DARK_MEAN:
            if self.on_dark == "kill":
                os.kill(os.getpid(), signal.SIGKILL)
            elif self.on_dark == "segv":
                faulthandler.disable()  # pytest's handler would print the stack of a wanted crash
                os.kill(os.getpid(), signal.SIGSEGV)
            else:
                os._exit(3)
        key = hashlib.sha256(np.ascontiguousarray(image).tobytes()).hexdigest()
        texts = [
            f"关于开展{key[:6]}专项检查工作的通知",
            "各乡（镇）人民政府，县直各单位：",
            f"请于2024年6月30日前报送{key[6:12]}整改情况。",
        ]
        return [
            OcrLine(text=text, box=(60.0, 100.0 + 40 * index, 520.0, 128.0 + 40 * index),
                    confidence=0.9)
            for index, text in enumerate(texts)
        ]
