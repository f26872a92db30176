"""A TrueType font whose every glyph is empty and 1 em wide: the face of an invisible text layer.

The text layer of a searchable PDF is never drawn (render mode 3), so its font needs no shapes,
only a width; embedding this 1 KB font instead of a CJK font of 20 MB keeps the PDF small and
valid. Built once with fontTools and kept in memory.
"""

from __future__ import annotations

import io
from functools import lru_cache

UNITS_PER_EM = 1000


@lru_cache(maxsize=1)
def glyphless_font() -> bytes:
    """The font program (``FontFile2``): glyph 0 ``.notdef`` and glyph 1 ``blank``, both empty."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    builder = FontBuilder(UNITS_PER_EM, isTTF=True)
    glyph_names = [".notdef", "blank"]
    builder.setupGlyphOrder(glyph_names)
    builder.setupCharacterMap({0x20: "blank"})
    empty = TTGlyphPen(None).glyph()
    builder.setupGlyf({name: empty for name in glyph_names})
    builder.setupHorizontalMetrics({name: (UNITS_PER_EM, 0) for name in glyph_names})
    builder.setupHorizontalHeader(ascent=UNITS_PER_EM, descent=0)
    builder.setupNameTable({"familyName": "DocprocGlyphless", "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=UNITS_PER_EM, sTypoDescender=0, usWinAscent=UNITS_PER_EM,
                     usWinDescent=0)
    builder.setupPost()
    buffer = io.BytesIO()
    builder.save(buffer)
    return buffer.getvalue()
