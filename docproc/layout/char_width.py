"""Half-width or full-width: decide ``, : ; ( ) ? !`` and digits by where they sit on the line.

The recogniser cannot tell a printed ASCII comma, colon, bracket or digit from its full-width twin
(，：（）０-９): in Chinese text it mostly answers full-width, whatever the page prints. Where the
characters sit tells them apart. A full-width mark takes a whole character cell, a half-width one
half a cell (less in a proportional font), so the distance from the character before to the
character after is about 2 CJK pitches across ``，`` and 1.3–1.6 across ``,``; a run of ASCII digits
advances half a pitch per digit, full-width digits a whole pitch.

Positions come from the recogniser (``OcrLine.chars``: the centre of the time step at which each
character was emitted). They are measured in pitches of the line (distance between adjacent
ideographs, see :func:`_pitch`). For each ambiguous character, or run of digits, both widths
predict the distances to its neighbours from the cell model in ``models/layout/char_width.json``
(each character's cell width and where in its cell the recogniser reads it, plus the space a word
processor adds between Latin and Chinese text, measured on the page); the width whose prediction
fits clearly better wins. A full-width neighbour mark is not measured against: two marks in a
row may be set in 1.5 cells (标点挤压). Where the geometry cannot tell (a bracket at a line's end sits
alike in both widths), a bracket takes its partner's width, then the page's prevailing width for
that group of characters (``, : ; ( ) ? !`` together, ``.`` alone, digits together), then the
group's usual width in Chinese text (full-width marks), else the recogniser's reading stays.
Nothing becomes full-width unless it touches an ideograph or a full-width character.
"""

from __future__ import annotations

import json
import statistics
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Literal

from docproc.ocr.base import OcrChar, OcrLine
from docproc.resources import models_dir

CHAR_WIDTH_PATH = models_dir() / "layout" / "char_width.json"

Width = Literal["half", "full"]
Family = Literal["digit", "punctuation"]
OPENING_BRACKETS = "(（"
CLOSING_BRACKETS = ")）"


@dataclass(frozen=True)
class Cell:
    """A character's cell: its width in pitches and where in it (0 left .. 1 right) it is read."""

    width: float
    offset: float


@dataclass(frozen=True)
class CharWidthRules:
    """The data of ``models/layout/char_width.json``."""

    to_full: dict[str, str]  # half-width character → its full-width twin
    to_half: dict[str, str]
    ideograph: Cell
    fullwidth: Cell
    halfwidth: Cell
    fullwidth_cells: dict[str, Cell]  # full-width marks read off their cell's centre
    style_groups: tuple[str, ...]  # half-width forms of characters sharing a page's style
    default_styles: dict[str, Width]  # style group → width in Chinese text when nothing decides
    min_margin: float
    max_fit_error: float
    min_pitch_pairs: int
    page_style_min_votes: int
    page_style_min_share: float

    def cell(self, char: str) -> Cell:
        if is_ideograph(char):
            return self.ideograph
        if char in self.fullwidth_cells:
            return self.fullwidth_cells[char]
        if is_fullwidth(char):
            return self.fullwidth
        return self.halfwidth

    def twin(self, char: str, width: Width) -> str:
        if width == "full":
            return self.to_full.get(char, char)
        return self.to_half.get(char, char)

    def is_ambiguous(self, char: str) -> bool:
        return char in self.to_full or char in self.to_half

    def family(self, char: str) -> Family:
        return "digit" if self.to_half.get(char, char).isdigit() else "punctuation"

    def style_key(self, char: str) -> str:
        """The style group of ``char`` (a character and its twin are in the same one)."""
        half = self.to_half.get(char, char)
        return next((group for group in self.style_groups if half in group), half)


@lru_cache(maxsize=4)
def load_char_width_rules(path: Path = CHAR_WIDTH_PATH) -> CharWidthRules:
    """Read the cell model and decision thresholds."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    cells = data["cells"]

    def cell(name: str) -> Cell:
        return Cell(float(cells[name]["width"]), float(cells[name]["offset"]))

    fullwidth_cells = {
        char: cell(name) for name in ("fullwidth_left", "fullwidth_right") for char in cells[name]["chars"]
    }
    twins = {str(k): str(v) for k, v in data["twins"].items()}
    decision = data["decision"]
    return CharWidthRules(
        to_full=twins,
        to_half={v: k for k, v in twins.items()},
        ideograph=cell("ideograph"),
        fullwidth=cell("fullwidth"),
        halfwidth=cell("halfwidth"),
        fullwidth_cells=fullwidth_cells,
        style_groups=tuple(str(group) for group in data["style_groups"]),
        default_styles={str(k): _width(v) for k, v in data.get("default_styles", {}).items()},
        min_margin=float(decision["min_margin"]),
        max_fit_error=float(decision["max_fit_error"]),
        min_pitch_pairs=int(decision["min_pitch_pairs"]),
        page_style_min_votes=int(decision["page_style_min_votes"]),
        page_style_min_share=float(decision["page_style_min_share"]),
    )


def _width(value: object) -> Width:
    if value == "half":
        return "half"
    if value == "full":
        return "full"
    raise ValueError(f"a width is 'half' or 'full', not {value!r}")


def is_ideograph(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or "\U00020000" <= char <= "\U0003134f"


def is_fullwidth(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


@dataclass
class WidthDecision:
    """The width settled for one ambiguous character, or a run of digits, of a line.

    ``evidence`` says why: ``geometry`` (its position), ``bracket`` (its partner's width),
    ``page`` (the page's prevailing width for its style group), ``default`` (the group's usual width
    in Chinese text, when the page has no measured one) or ``read`` (nothing could tell, the
    recogniser's reading stays; ``width`` is then what was read).
    """

    line: int  # index of the line in the list given
    start: int  # index in the line's text
    read: str  # the characters as recognised
    family: Family
    width: Width
    evidence: Literal["geometry", "bracket", "page", "default", "read"]
    fit: tuple[float, float] | None = None  # mean misfit, in pitches, of (half, full)
    in_chinese: bool = False  # next to an ideograph or a full-width character (may be full-width)

    @property
    def end(self) -> int:
        return self.start + len(self.read)


@dataclass
class _Token:
    index: int  # in the line's text
    char: str
    x: float  # centre along the line, pixels


def _tokens(line: OcrLine) -> list[_Token] | None:
    """The line's non-space characters with their positions, or None when they do not line up."""
    if not line.chars:
        return None
    indices = [i for i, c in enumerate(line.text) if not c.isspace()]
    if len(indices) != len(line.chars) or any(
        line.text[i] != oc.char for i, oc in zip(indices, line.chars, strict=True)
    ):
        return None
    return [
        _Token(i, oc.char, (oc.box[0] + oc.box[2]) / 2.0)
        for i, oc in zip(indices, line.chars, strict=True)
    ]


def _adjacent(a: _Token, b: _Token) -> bool:
    return b.index == a.index + 1


def _ideograph_steps(tokens: list[_Token]) -> list[float]:
    return [
        b.x - a.x
        for a, b in zip(tokens, tokens[1:], strict=False)
        if _adjacent(a, b) and is_ideograph(a.char) and is_ideograph(b.char) and b.x > a.x
    ]


def _pitch(steps: list[float]) -> float:
    """The CJK pitch from ideograph-to-ideograph distances: their mean within 0.6–1.4 times the
    median. Positions come in whole recogniser frames (about 1/5 of a pitch), so single steps
    jump between two values; the mean recovers the pitch between them, the median would not."""
    middle = statistics.median(steps)
    kept = [s for s in steps if 0.6 * middle <= s <= 1.4 * middle]
    return sum(kept) / len(kept)


def _runs(tokens: list[_Token], rules: CharWidthRules) -> list[tuple[int, int]]:
    """(first, last + 1) token ranges to decide: each ambiguous mark, each run of adjacent digits."""
    runs: list[tuple[int, int]] = []
    k = 0
    while k < len(tokens):
        if not rules.is_ambiguous(tokens[k].char):
            k += 1
            continue
        end = k + 1
        if rules.family(tokens[k].char) == "digit":
            while (
                end < len(tokens)
                and _adjacent(tokens[end - 1], tokens[end])
                and rules.is_ambiguous(tokens[end].char)
                and rules.family(tokens[end].char) == "digit"
            ):
                end += 1
        runs.append((k, end))
        k = end
    return runs


@dataclass(frozen=True)
class _Scale:
    """How a line is measured: its CJK pitch (pixels) and the page's extra space between Latin
    letters or digits and ideographs (pitches; word processors add about 1/4 em there)."""

    pitch: float
    latin_space: float = 0.0


def _is_latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _is_compressible(char: str) -> bool:
    """A full-width mark: two in a row may be set in 1.5 cells (标点挤压), so a distance to one
    says nothing about the width of its neighbour."""
    return is_fullwidth(char) and not is_ideograph(char) and not char.isalnum()


def _predicted_gap(a: str, b: str, scale: _Scale, rules: CharWidthRules) -> float:
    """Distance, in pitches, from where ``a`` is read to where the next character ``b`` is."""
    first, second = rules.cell(a), rules.cell(b)
    gap = first.width * (1 - first.offset) + second.width * second.offset
    if (_is_latin(a) and is_ideograph(b)) or (is_ideograph(a) and _is_latin(b)):
        gap += scale.latin_space
    return gap


def _misfit(
    tokens: list[_Token], first: int, end: int, width: Width, scale: _Scale, rules: CharWidthRules
) -> float | None:
    """Mean absolute difference, in pitches, between the measured distances around the run and
    those ``width`` predicts; None when there is nothing to measure."""
    chars = [rules.twin(t.char, width) for t in tokens[first:end]]
    positions = [t.x for t in tokens[first:end]]
    has_prev = first > 0 and _adjacent(tokens[first - 1], tokens[first])
    has_next = end < len(tokens) and _adjacent(tokens[end - 1], tokens[end])
    if has_prev and not _is_compressible(tokens[first - 1].char):
        chars.insert(0, tokens[first - 1].char)
        positions.insert(0, tokens[first - 1].x)
    else:
        has_prev = False
    if has_next and not _is_compressible(tokens[end].char):
        chars.append(tokens[end].char)
        positions.append(tokens[end].x)
    else:
        has_next = False
    gaps = [_predicted_gap(a, b, scale, rules) for a, b in zip(chars, chars[1:], strict=False)]
    steps = [(b - a) / scale.pitch for a, b in zip(positions, positions[1:], strict=False)]
    errors = []
    if has_prev and has_next:  # the span across the run: where its characters are read cancels out
        errors.append(abs(sum(steps) - sum(gaps)))
        inner = range(1, len(steps) - 1)
    else:
        inner = range(len(steps))
    errors.extend(abs(steps[k] - gaps[k]) for k in inner)
    return sum(errors) / len(errors) if errors else None


def _latin_space(line_tokens: list[tuple[list[_Token], float]]) -> float:
    """The page's extra space between a run of half-width Latin letters or digits and an
    ideograph, over what the cells predict (0 with fewer than two such boundaries)."""
    excesses = []
    for tokens, pitch in line_tokens:
        k = 0
        while k < len(tokens):
            end = k
            while end < len(tokens) and _is_latin(tokens[end].char) and (
                end == k or _adjacent(tokens[end - 1], tokens[end])
            ):
                end += 1
            if end - k >= 2:
                steps = [(b.x - a.x) / pitch for a, b in zip(tokens[k:end], tokens[k + 1 : end], strict=False)]
                if statistics.median(steps) <= 0.75:  # half-width: about half a pitch a character
                    if k > 0 and _adjacent(tokens[k - 1], tokens[k]) and is_ideograph(tokens[k - 1].char):
                        excesses.append((tokens[k].x - tokens[k - 1].x) / pitch - 0.75)
                    if end < len(tokens) and _adjacent(tokens[end - 1], tokens[end]) and is_ideograph(
                        tokens[end].char
                    ):
                        excesses.append((tokens[end].x - tokens[end - 1].x) / pitch - 0.75)
            k = max(end, k + 1)
    if len(excesses) < 2:
        return 0.0
    # the upper quartile: spacing varies along justified lines, and a single digit between two
    # ideographs must stand out from the widest the page sets half-width ones to be full-width
    upper = statistics.quantiles(excesses, n=4, method="inclusive")[2]
    return min(max(upper, 0.0), 0.5)


def _has_cjk_neighbour(tokens: list[_Token], first: int, end: int) -> bool:
    neighbours = []
    if first > 0 and _adjacent(tokens[first - 1], tokens[first]):
        neighbours.append(tokens[first - 1].char)
    if end < len(tokens) and _adjacent(tokens[end - 1], tokens[end]):
        neighbours.append(tokens[end].char)
    return any(is_ideograph(c) or is_fullwidth(c) for c in neighbours)


def _read_width(text: str, rules: CharWidthRules) -> Width:
    return "full" if any(c in rules.to_half for c in text) else "half"


def _decide_run(
    line_index: int, tokens: list[_Token], first: int, end: int, scale: _Scale, rules: CharWidthRules
) -> WidthDecision:
    read = "".join(t.char for t in tokens[first:end])
    family = rules.family(read[0])
    decision = WidthDecision(
        line_index, tokens[first].index, read, family, _read_width(read, rules), "read",
        in_chinese=_has_cjk_neighbour(tokens, first, end),
    )
    half = _misfit(tokens, first, end, "half", scale, rules)
    full = _misfit(tokens, first, end, "full", scale, rules)
    if half is None or full is None:
        return decision
    decision.fit = (round(half, 3), round(full, 3))
    best: Width = "half" if half < full else "full"
    best_fit, other_fit = min(half, full), max(half, full)
    if other_fit - best_fit < rules.min_margin or best_fit > rules.max_fit_error:
        return decision
    if best == "full" and not decision.in_chinese:
        return decision  # full-width marks belong to Chinese text
    decision.width, decision.evidence = best, "geometry"
    return decision


def _line_decisions(
    line_index: int, tokens: list[_Token], scale: _Scale, rules: CharWidthRules
) -> list[WidthDecision]:
    """Digits first, then marks, so a mark next to a digit measures against the digit's width."""
    runs = _runs(tokens, rules)
    decided: list[WidthDecision] = []
    for want in ("digit", "punctuation"):
        for first, end in runs:
            if rules.family(tokens[first].char) != want:
                continue
            decision = _decide_run(line_index, tokens, first, end, scale, rules)
            for token in tokens[first:end]:
                token.char = rules.twin(token.char, decision.width)
            decided.append(decision)
    return sorted(decided, key=lambda d: d.start)


def _match_brackets(decisions: list[WidthDecision]) -> None:
    """An undecided bracket takes the width of its partner in the same line, when that is decided."""
    stack: list[WidthDecision] = []
    for decision in decisions:
        if decision.read in OPENING_BRACKETS:
            stack.append(decision)
        elif decision.read in CLOSING_BRACKETS and stack:
            opening = stack.pop()
            pair = (opening, decision)
            known = [d for d in pair if d.evidence == "geometry"]
            if len(known) == 1:
                for d in pair:
                    if d.evidence == "read" and (known[0].width == "half" or d.in_chinese):
                        d.width, d.evidence = known[0].width, "bracket"


def _page_style(decisions: list[WidthDecision], key: str, rules: CharWidthRules) -> Width | None:
    votes = [d.width for d in decisions if rules.style_key(d.read[0]) == key and d.evidence == "geometry"]
    if len(votes) < rules.page_style_min_votes:
        return None
    widths: tuple[Width, Width] = ("half", "full")
    for width in widths:
        if votes.count(width) >= rules.page_style_min_share * len(votes):
            return width
    return None


def decide_character_widths(
    lines: list[OcrLine], rules: CharWidthRules | None = None
) -> list[WidthDecision]:
    """The width of every ambiguous character (run of digits) on a page's lines, in line order.

    Lines without character positions (``chars`` None, or not matching the text) get none.
    """
    rules = rules or load_char_width_rules()
    line_tokens = [_tokens(line) for line in lines]
    page_steps = [s for tokens in line_tokens if tokens for s in _ideograph_steps(tokens)]
    page_pitch = _pitch(page_steps) if len(page_steps) >= rules.min_pitch_pairs else None
    measured: dict[int, tuple[list[_Token], float]] = {}
    for line_index, tokens in enumerate(line_tokens):
        if not tokens:
            continue
        steps = _ideograph_steps(tokens)
        pitch = _pitch(steps) if len(steps) >= rules.min_pitch_pairs else page_pitch
        if pitch is not None and pitch > 0:
            measured[line_index] = (tokens, pitch)
    latin_space = _latin_space(list(measured.values()))
    decisions: list[WidthDecision] = []
    for line_index, (tokens, pitch) in measured.items():
        line_decisions = _line_decisions(line_index, tokens, _Scale(pitch, latin_space), rules)
        _match_brackets(line_decisions)
        decisions.extend(line_decisions)
    keys = {rules.style_key(d.read[0]) for d in decisions}
    styles = {key: _page_style(decisions, key, rules) for key in keys}
    for decision in decisions:
        key = rules.style_key(decision.read[0])
        style = styles[key]
        evidence: Literal["page", "default"] = "page"
        if style is None:
            style, evidence = rules.default_styles.get(key), "default"
        if decision.evidence != "read" or style is None or style == decision.width:
            continue
        if style == "half" or decision.in_chinese:
            decision.width, decision.evidence = style, evidence
    return decisions


def settle_character_widths(lines: list[OcrLine], rules: CharWidthRules | None = None) -> list[OcrLine]:
    """The lines with each ambiguous character in the width :func:`decide_character_widths` gives.

    Lines without character positions come back unchanged.
    """
    rules = rules or load_char_width_rules()
    by_line: dict[int, list[WidthDecision]] = {}
    for decision in decide_character_widths(lines, rules):
        by_line.setdefault(decision.line, []).append(decision)
    settled = list(lines)
    for line_index, decisions in by_line.items():
        line = lines[line_index]
        text = list(line.text)
        for decision in decisions:
            for at in range(decision.start, decision.end):
                text[at] = rules.twin(text[at], decision.width)
        new_text = "".join(text)
        if new_text == line.text:
            continue
        visible = [c for c in new_text if not c.isspace()]
        chars = [
            OcrChar(char, oc.box, oc.confidence)
            for char, oc in zip(visible, line.chars or [], strict=True)
        ]
        settled[line_index] = replace(line, text=new_text, chars=chars)
    return settled
