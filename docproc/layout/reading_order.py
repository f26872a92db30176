"""Reading order of one page: boxes on one visual row become one line; rows are read top to bottom.

OCR gives one box per detected text run, so a table-like row such as ``组  长：王会奇  副市长`` comes as
two or three boxes, and a long line may be split in two. :func:`order_lines` merges the boxes of a row
(a gap of about half a character height or more becomes one ASCII space, a smaller gap nothing) and reads
the rows from top to bottom. Where two blocks stand side by side (a joint signature of two organs, a
two-column member list) over several rows, the left block is read before the right one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from statistics import median

from docproc.layout.patterns import load_line_patterns
from docproc.model.document import BBox, Line

# Two boxes share a row when their vertical overlap is at least this fraction of the lower one's height.
SAME_ROW_OVERLAP = 0.5
# Boxes overlapping horizontally by more than this fraction of the narrower one are on different rows.
SAME_ROW_MAX_X_OVERLAP = 0.3
# How many of the latest rows a box is compared with (rows are built in vertical order).
ROW_LOOKBACK = 8
# A gap between two boxes of a row of at least this many character heights becomes one space
# (OCR boxes are padded, so a one-character gap on paper measures a little less between boxes).
WORD_GAP = 0.5
# Inside one recogniser line: characters whose centres stand this many character cells apart have a
# whole empty cell between them (a member list's 王学政  党委副书记), measured once the line has at
# least MIN_PITCH_PAIRS pairs of adjacent ideographs.
WIDE_GAP_CELLS = 2.0
MIN_PITCH_PAIRS = 3
# The gutter between two side-by-side blocks is at least this many character heights wide.
COLUMN_GUTTER = 2.0
# Two rows' gutters must share at least this many character heights to be one gutter.
COLUMN_GUTTER_SHARED = 0.5
# A row with text on one side of the gutter only belongs to the two-block region when it is at most
# this many character heights below (or above) the region.
COLUMN_ROW_GAP = 1.0


@dataclass
class _Row:
    boxes: list[Line] = field(default_factory=list)
    center_sum: float = 0.0
    height_sum: float = 0.0

    @property
    def center(self) -> float:
        return self.center_sum / len(self.boxes)

    @property
    def height(self) -> float:
        return self.height_sum / len(self.boxes)

    @property
    def top(self) -> float:
        return min(_box(b)[1] for b in self.boxes)

    @property
    def bottom(self) -> float:
        return max(_box(b)[3] for b in self.boxes)

    def add(self, line: Line) -> None:
        x0, y0, x1, y1 = _box(line)
        self.boxes.append(line)
        self.center_sum += (y0 + y1) / 2
        self.height_sum += y1 - y0

    def overlap_ratio(self, line: Line) -> float:
        """Vertical overlap of ``line`` with this row's band, over the smaller of the two heights."""
        _, y0, _, y1 = _box(line)
        half = self.height / 2
        overlap = min(y1, self.center + half) - max(y0, self.center - half)
        smaller = min(y1 - y0, self.height)
        return overlap / smaller if smaller > 0 else 0.0

    def collides(self, line: Line) -> bool:
        x0, _, x1, _ = _box(line)
        for other in self.boxes:
            ox0, _, ox1, _ = _box(other)
            shared = min(x1, ox1) - max(x0, ox0)
            if shared > SAME_ROW_MAX_X_OVERLAP * max(min(x1 - x0, ox1 - ox0), 1e-6):
                return True
        return False


def _box(line: Line) -> BBox:
    assert line.bbox is not None
    return line.bbox


def group_rows(lines: list[Line]) -> list[list[Line]]:
    """Boxes grouped into visual rows, rows from top to bottom, boxes of a row from left to right."""
    rows: list[_Row] = []
    for line in sorted(lines, key=lambda ln: ((_box(ln)[1] + _box(ln)[3]) / 2, _box(ln)[0])):
        best: _Row | None = None
        best_ratio = SAME_ROW_OVERLAP
        for row in rows[-ROW_LOOKBACK:]:
            ratio = row.overlap_ratio(line)
            if ratio >= best_ratio and not row.collides(line):
                best, best_ratio = row, ratio
        if best is None:
            best = _Row()
            rows.append(best)
        best.add(line)
    rows.sort(key=lambda r: r.center)
    return [sorted(r.boxes, key=lambda b: _box(b)[0]) for r in rows]


def merge_row(boxes: list[Line]) -> Line:
    """One Line from the boxes of one row (left to right): text joined, bbox union, confidence by chars."""
    if len(boxes) == 1:
        only = boxes[0]
        return Line(text=only.text, bbox=only.bbox, confidence=only.confidence,
                    char_boxes=only.char_boxes)
    char_height = median(_box(b)[3] - _box(b)[1] for b in boxes)
    text = boxes[0].text
    for prev, cur in zip(boxes, boxes[1:], strict=False):
        gap = _box(cur)[0] - _box(prev)[2]
        if gap >= WORD_GAP * char_height:
            text = text.rstrip() + " " + cur.text.lstrip()
        else:
            text += cur.text
    weighted = [
        (max(_char_count(b.text), 1), b.confidence) for b in boxes if b.confidence is not None
    ]
    confidence = None
    if weighted:
        confidence = sum(w * c for w, c in weighted) / sum(w for w, _ in weighted)
    bbox = (
        min(_box(b)[0] for b in boxes),
        min(_box(b)[1] for b in boxes),
        max(_box(b)[2] for b in boxes),
        max(_box(b)[3] for b in boxes),
    )
    char_boxes = None
    if all(b.char_boxes is not None for b in boxes):
        char_boxes = [cb for b in boxes for cb in b.char_boxes or []]
    return Line(text=text, bbox=bbox, confidence=confidence, char_boxes=char_boxes)


def _char_count(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _row_height(row: list[Line]) -> float:
    return median(_box(b)[3] - _box(b)[1] for b in row)


def _gutters(row: list[Line]) -> list[tuple[float, float]]:
    """Gaps between neighbouring boxes of a row wide enough to separate two blocks."""
    height = _row_height(row)
    out = []
    for prev, cur in zip(row, row[1:], strict=False):
        left, right = _box(prev)[2], _box(cur)[0]
        if right - left >= COLUMN_GUTTER * height:
            out.append((left, right))
    return out


def _one_sided(row: list[Line], gutter: tuple[float, float]) -> bool:
    return all(_box(b)[2] <= gutter[0] or _box(b)[0] >= gutter[1] for b in row)


def _split(row: list[Line], gutter: tuple[float, float]) -> tuple[list[Line], list[Line]]:
    middle = (gutter[0] + gutter[1]) / 2
    left = [b for b in row if _box(b)[2] <= middle]
    return left, [b for b in row if _box(b)[2] > middle]


def _starts_with_label(boxes: list[Line]) -> bool:
    patterns = load_line_patterns()
    return bool(boxes) and patterns.is_list_line(merge_row(boxes).text)


def _two_block_region(rows: list[list[Line]], start: int) -> tuple[int, tuple[float, float]] | None:
    """The end (exclusive) and gutter of a two-block region beginning at row ``start``, if there is one.

    A region is a run of rows sharing one gutter, at least one of them with text on both sides and at
    least two rows in all; rows with text on one side only join it when close to it. A run whose
    left block holds list labels (``组  长：``) is a key–value list, read row by row instead.
    """
    candidates = _gutters(rows[start])
    if not candidates:
        return None
    gutter = max(candidates, key=lambda g: g[1] - g[0])
    unit = _row_height(rows[start])
    end = start + 1
    while end < len(rows):
        row = rows[end]
        shared = [
            (max(gutter[0], g[0]), min(gutter[1], g[1]))
            for g in _gutters(row)
            if min(gutter[1], g[1]) - max(gutter[0], g[0]) >= COLUMN_GUTTER_SHARED * unit
        ]
        if shared:
            gutter = shared[0]
        elif not (
            _one_sided(row, gutter)
            and min(_box(b)[1] for b in row) - max(_box(b)[3] for b in rows[end - 1])
            <= COLUMN_ROW_GAP * unit
        ):
            break
        end += 1
    if end - start < 2:
        return None
    if any(_starts_with_label(_split(row, gutter)[0]) for row in rows[start:end]):
        return None
    return end, gutter


def order_lines(lines: list[Line], page_width: float, page_height: float) -> list[Line]:
    """The page's lines in reading order, the boxes of each visual row merged into one Line.

    Lines without a box (text files) are returned as given. Input lines are not modified.
    ``page_width`` and ``page_height`` bound the page; the order depends only on the boxes.
    """
    if any(line.bbox is None for line in lines):
        return [
            Line(text=ln.text, bbox=ln.bbox, confidence=ln.confidence, char_boxes=ln.char_boxes)
            for ln in lines
        ]
    boxes = fill_gaps([ln for ln in lines if ln.text.strip()])
    rows = group_rows(boxes)
    ordered: list[Line] = []
    index = 0
    while index < len(rows):
        region = _two_block_region(rows, index)
        if region is None:
            ordered.append(merge_row(rows[index]))
            index += 1
            continue
        end, gutter = region
        halves = [_split(row, gutter) for row in rows[index:end]]
        ordered.extend(merge_row(left) for left, _ in halves if left)
        ordered.extend(merge_row(right) for _, right in halves if right)
        index = end
    return ordered


GAP_FILL_MAX_CHARS = 2  # a box of at most this many characters may stand in another line's gap
GAP_FILL_SLACK = 0.25  # of a character's height: how far the short box may reach into its neighbours


def fill_gaps(lines: list[Line]) -> list[Line]:
    """``lines`` with every short box that stands inside a gap of a longer line of its row put back
    there: the detector may cut a spaced name's second character out of its line (``蔡　强　平潭县…``
    read as ``蔡 平潭县…`` and ``强``), and a row could not hold both boxes, which overlap."""
    out = list(lines)
    for small in [ln for ln in lines if 0 < ln.visible_count() <= GAP_FILL_MAX_CHARS]:
        sx0, sy0, sx1, sy1 = _box(small)
        slack = GAP_FILL_SLACK * (sy1 - sy0)
        for index, host in enumerate(out):
            boxes = host.char_boxes
            if host is small or not boxes or len(boxes) != host.visible_count() or len(boxes) < 2:
                continue
            hx0, hy0, hx1, hy1 = _box(host)
            if not hx0 < (sx0 + sx1) / 2 < hx1 or min(sy1, hy1) - max(sy0, hy0) < 0.5 * min(sy1 - sy0, hy1 - hy0):
                continue
            after = next((k for k in range(len(boxes) - 1)
                          if boxes[k][2] <= sx0 + slack and boxes[k + 1][0] >= sx1 - slack), None)
            if after is None:
                continue
            out[index] = _with_inserted(host, after, small)
            out = [ln for ln in out if ln is not small]
            break
    return out


def _with_inserted(host: Line, after: int, small: Line) -> Line:
    """``host`` with ``small``'s characters after its visible character ``after``, spaces set anew."""
    assert host.char_boxes is not None and small.bbox is not None
    chars = [ch for ch in host.text if not ch.isspace()]
    extra = [ch for ch in small.text if not ch.isspace()]
    x0, y0, x1, y1 = small.bbox
    width = (x1 - x0) / len(extra)
    extra_boxes = small.char_boxes if small.char_boxes and len(small.char_boxes) == len(extra) else [
        (x0 + i * width, y0, x0 + (i + 1) * width, y1) for i in range(len(extra))]
    text = "".join(chars[: after + 1] + extra + chars[after + 1 :])
    boxes = list(host.char_boxes[: after + 1]) + list(extra_boxes) + list(host.char_boxes[after + 1 :])
    confidence = host.confidence
    if host.confidence is not None and small.confidence is not None:
        confidence = (host.confidence * len(chars) + small.confidence * len(extra)) / (len(chars) + len(extra))
    hx0, hy0, hx1, hy1 = _box(host)
    merged = Line(text=text, bbox=(min(hx0, x0), min(hy0, y0), max(hx1, x1), max(hy1, y1)),
                  confidence=confidence, char_boxes=boxes)
    return space_wide_gaps(merged)


def space_wide_gaps(line: Line) -> Line:
    """``line`` with one ASCII space where two of its characters stand a whole character cell or more
    apart (``组长：王学政  党委副书记`` read as one box), as a text copy of the page would have it.

    Needs ``char_boxes`` (else the line comes back as it is). The cell is the median distance
    between the centres of adjacent ideographs of the line (the box height with fewer than
    ``MIN_PITCH_PAIRS`` of them); a gap is wide when the centres are ``WIDE_GAP_CELLS`` cells apart.
    """
    boxes = line.char_boxes
    if not boxes or line.bbox is None or len(boxes) != line.visible_count():
        return line
    visible = [(i, ch) for i, ch in enumerate(line.text) if not ch.isspace()]
    centres = [(b[0] + b[2]) / 2 for b in boxes]
    steps = [
        centres[k + 1] - centres[k]
        for k in range(len(visible) - 1)
        if visible[k + 1][0] == visible[k][0] + 1
        and _is_ideograph(visible[k][1])
        and _is_ideograph(visible[k + 1][1])
    ]
    cell = median(steps) if len(steps) >= MIN_PITCH_PAIRS else line.bbox[3] - line.bbox[1]
    if cell <= 0:
        return line
    out = []
    for k, (index, char) in enumerate(visible):
        if k and index == visible[k - 1][0] + 1 and centres[k] - centres[k - 1] >= WIDE_GAP_CELLS * cell:
            out.append(" ")
        elif k:
            out.append(line.text[visible[k - 1][0] + 1 : index])
        out.append(char)
    text = line.text[: visible[0][0]] + "".join(out) + line.text[visible[-1][0] + 1 :]
    return line if text == line.text else replace(line, text=text)


def _is_ideograph(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"
