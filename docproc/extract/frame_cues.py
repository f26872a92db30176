"""What the frame of a notice's text is recognised by: the cues of ``models/extract/page_frame.json``
(with the organ suffixes and document types of ``models/extract/metadata.json`` and the role words of
the leader lexicon), and the line helpers the run-on splitter and the chrome finder share."""


import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from docproc.extract.leaders import default_lexicon
from docproc.extract.metadata import load_metadata_cues
from docproc.resources import models_dir

SPACE = " \t\u3000\xa0"


@dataclass(frozen=True, eq=False)  # one per loaded vocabulary: hashed by identity in lru_caches
class FrameCues:
    chrome_line: re.Pattern[str]  # a line of the page around the notice (navigation, share buttons, footer)
    chrome_tails: tuple[re.Pattern[str], ...]
    document_endings: re.Pattern[str]  # 抄送, 附件, a contact line: the notice's own last lines
    contact_continuations: re.Pattern[str]  # 联系电话：… on the line after 联系人：X
    inline_chrome: re.Pattern[str]  # a word processor's style-sheet leftovers, anywhere in a line
    page_title_separators: tuple[str, ...]
    metadata_labels: tuple[str, ...]  # longest first
    metadata_block_min_labels: int
    structural_starts: re.Pattern[str]
    bullets: str
    heading_marks: re.Pattern[str]  # ## 标题 in a Markdown copy
    run_on_min_chars: int
    heading_max_chars: int
    organ_suffixes: tuple[str, ...]
    organ_openers: tuple[str, ...]  # 国家, 中共: what an organ a copy ran onto another may open with
    doc_type_suffixes: tuple[str, ...]
    closing_formulas: tuple[str, ...]  # 特此通知: no title ends with one
    title_words: tuple[str, ...]
    role_label: re.Pattern[str]
    sentence_opener: re.Pattern[str]
    recipient_line_cues: tuple[str, ...]  # 各, 局, 村: what a run-on piece before a colon holds when it is the 主送


@lru_cache(maxsize=1)
def load_frame_cues() -> FrameCues:
    data = json.loads((models_dir() / "extract" / "page_frame.json").read_text(encoding="utf-8"))
    metadata = load_metadata_cues()
    roles = default_lexicon().roles
    spaced_roles = "|".join(f"[{SPACE}]*".join(map(re.escape, role)) for role in roles)
    labels = sorted(data["metadata_labels"], key=len, reverse=True)
    return FrameCues(
        chrome_line=re.compile("|".join(f"(?:{p})" for p in data["chrome_lines"])),
        chrome_tails=tuple(re.compile(p) for p in data["chrome_tails"]),
        document_endings=re.compile("|".join(f"(?:{p})" for p in data["document_endings"])),
        contact_continuations=re.compile("|".join(f"(?:{p})" for p in data["contact_continuations"])),
        inline_chrome=re.compile("|".join(f"(?:{p})" for p in data["inline_chrome"]), re.DOTALL),
        page_title_separators=tuple(data["page_title_separators"]),
        metadata_labels=tuple(labels),
        metadata_block_min_labels=int(data["metadata_block_min_labels"]),
        structural_starts=re.compile("|".join(f"(?:{p})" for p in data["structural_starts"])),
        bullets=data["bullets"],
        heading_marks=re.compile(data["heading_marks"]),
        run_on_min_chars=int(data["run_on_min_chars"]),
        heading_max_chars=int(data["heading_max_chars"]),
        organ_suffixes=metadata.organ_suffixes,
        organ_openers=tuple(data["organ_openers"]),
        doc_type_suffixes=tuple(sorted({s for s, _ in metadata.doc_types}, key=lambda s: (-len(s), s))),
        closing_formulas=tuple(data["closing_formulas"]),
        title_words=tuple(sorted({s for s, _ in metadata.doc_types} | set(data["attachment_title_words"]),
                                 key=lambda s: (-len(s), s))),
        role_label=re.compile(f"(?:{spaced_roles})[{SPACE}]*[:：]"),
        sentence_opener=re.compile("|".join(map(re.escape, sorted(data["sentence_openers"], key=len, reverse=True)))),
        recipient_line_cues=tuple(data["recipient_line_cues"]),
    )


# ---------------------------------------------------------------- lines


@dataclass
class TextLine:
    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def text_lines(text: str) -> Iterator[TextLine]:
    position = 0
    for raw in text.split("\n"):
        yield TextLine(position, position + len(raw))
        position += len(raw) + 1


def compact(value: str) -> str:
    return "".join(value.split())


def is_organ(value: str, cues: FrameCues) -> bool:
    """An issuing organ as a signature prints it: 2–40 characters ending in an organ word."""
    value = compact(value)
    if not 2 <= len(value) <= 40 or re.search(r"[。，,；;：:、\d“”《》]", value):
        return False
    return re.sub(r"[（(][^）)]*[）)]$", "", value).endswith(cues.organ_suffixes)


def is_title_like(value: str, cues: FrameCues) -> bool:
    value = compact(value)
    return 6 <= len(value) <= 90 and "。" not in value and value.endswith(cues.doc_type_suffixes) \
        and not value.endswith(cues.closing_formulas)  # …农业农村处干事特此通知: a list's last post, then the close


def looks_like_recipients(value: str) -> bool:
    value = compact(value)
    return 2 <= len(value) <= 200 and "。" not in value and any(c in value for c in load_frame_cues().recipient_line_cues)


