"""OCR engines behind one interface: ``get_engine(name, **options).recognize(rgb_image)``.

Engines: ``rapid`` (default; PP-OCRv6 ONNX models from the rapidocr wheel on ONNX Runtime),
``paddle`` (the optional paddleocr package with local model directories) and ``replay`` (cached
results, for tests of later stages). Each engine module documents its options.
"""

from docproc.ocr.base import OcrEngine, OcrLine
from docproc.ocr.registry import DEFAULT_ENGINE, engine_names, get_engine

__all__ = ["DEFAULT_ENGINE", "OcrEngine", "OcrLine", "engine_names", "get_engine"]
