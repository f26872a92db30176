"""Extraction quality against the hand gold, through text and through OCR, and its speed.

    python -m bench.extraction [--cases seed-000,forward-xiushui] [--no-ocr] [--variants degraded,clean]

**Cases.** Every ``fixtures/gold/<case>.notice.json``. Text input: the case's text (``fixtures/notices/<case>/
input.txt``, ``fixtures/<case>/input.txt`` for the seeds, ``fixtures/govdoc-cn-397/397.txt``) through
``docproc.recognize`` then ``extract_notice``. OCR input: the case's rendered ``degraded.pdf`` (and
``clean.pdf``) through the default OCR engine, then ``extract_notice``; cases without a rendered scan
(GovDoc-CN 397, a born-digital PDF) are scored on text only. Nothing is cached between runs.

**Comparison.** Every string is compared as ANNOTATION.md says: NFKC, all whitespace removed.
Each field of a record becomes a multiset of *items*; an item found that is in the gold (multiset
intersection) is a true positive, the other found items false positives, the other gold items false
negatives. P, R and F1 per field are micro-averaged over the cases; a field with no item in the
gold and none found scores 1.0. Macro F1 is the mean of the fields' F1.

Items per field (the sub-fields that count; free text such as a task's or phase's ``text``, a
deadline's ``text`` and ``to``, a cited document's title and all evidence are not scored):

- scalars ``doc_number``, ``title``, ``issue_date``, ``print_date``, ``doc_type``: one item each
  when not null (a wrong value is one false positive and one false negative);
- ``issuers``, ``enclosed_titles``, ``recipients``, ``attachments``: each string;
- ``cited_documents``: each ``number``;
- ``leaders``: ``(group, role, name, position)``;
- ``contacts``: ``(name, org, phones sorted, fax, emails sorted, other)``;
- ``phases``: ``(name, start, end)``;
- ``deadlines``: ``(date, time, recurring, what)``;
- ``tasks``: ``(number, title, owners sorted, deadline)``.

Also: notices per second from text to record (the spaCy pipeline loaded once, before timing), and
seed 000's clean-up CER (``normalize_text`` of its raw OCR text against
``fixtures/seed-000/clean-transcription.txt``) before and after.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_DIR = Path(__file__).resolve().parent.parent
FIXTURES_DIR = REPO_DIR / "fixtures"
GOLD_DIR = FIXTURES_DIR / "gold"

SCALAR_FIELDS = ("doc_number", "title", "issue_date", "print_date", "doc_type")
STRING_LIST_FIELDS = ("issuers", "enclosed_titles", "recipients", "attachments")
FIELDS = (
    *SCALAR_FIELDS, *STRING_LIST_FIELDS,
    "cited_documents", "leaders", "contacts", "phases", "deadlines", "tasks",
)
TEXT_TARGET, OCR_TARGET, SPEED_TARGET = 0.95, 0.90, 50.0

Item = tuple[str | None, ...]


def comparable(value: Any) -> str | None:
    """A value as ANNOTATION.md compares it: NFKC, all whitespace removed (None stays None)."""
    if value is None:
        return None
    return "".join(unicodedata.normalize("NFKC", str(value)).split())


def _sorted_joined(values: Iterable[Any]) -> str:
    return "|".join(sorted(comparable(v) or "" for v in values))


def _tuple(entry: dict[str, Any], names: tuple[str, ...]) -> Item:
    return tuple(comparable(entry.get(name)) for name in names)


def field_items(record: dict[str, Any], name: str) -> list[Item]:
    """The scored items of one field of a ``docproc.notice/1`` record (see the module docstring)."""
    if name in SCALAR_FIELDS:
        value = comparable(record.get(name))
        return [] if value is None else [(value,)]
    if name in STRING_LIST_FIELDS:
        return [(comparable(v),) for v in record.get(name, [])]
    entries: list[dict[str, Any]] = record.get(name, [])
    if name == "cited_documents":
        return [_tuple(e, ("number",)) for e in entries]
    if name == "leaders":
        return [_tuple(e, ("group", "role", "name", "position")) for e in entries]
    if name == "contacts":
        return [
            (comparable(e.get("name")), comparable(e.get("org")), _sorted_joined(e.get("phones", [])),
             comparable(e.get("fax")), _sorted_joined(e.get("emails", [])), comparable(e.get("other")))
            for e in entries
        ]
    if name == "phases":
        return [_tuple(e, ("name", "start", "end")) for e in entries]
    if name == "deadlines":
        return [_tuple(e, ("date", "time", "recurring", "what")) for e in entries]
    if name == "tasks":
        return [
            (comparable(e.get("number")), comparable(e.get("title")), _sorted_joined(e.get("owners", [])),
             comparable(e.get("deadline")))
            for e in entries
        ]
    raise KeyError(f"not a scored field: {name}")


@dataclass
class Counts:
    matched: int = 0
    found: int = 0
    expected: int = 0

    def add(self, other: Counts) -> None:
        self.matched += other.matched
        self.found += other.found
        self.expected += other.expected

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0 if not self.expected else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0 if not self.found else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def compare_field(found: dict[str, Any], gold: dict[str, Any], name: str) -> Counts:
    got, want = Counter(field_items(found, name)), Counter(field_items(gold, name))
    return Counts(sum((got & want).values()), sum(got.values()), sum(want.values()))


def field_differences(found: dict[str, Any], gold: dict[str, Any], name: str) -> tuple[list[Item], list[Item]]:
    """(items found but not in the gold, gold items not found) of one field."""
    got, want = Counter(field_items(found, name)), Counter(field_items(gold, name))
    return list((got - want).elements()), list((want - got).elements())


@dataclass
class Score:
    """Per-field counts summed over the cases of one input kind."""

    fields: dict[str, Counts] = field(default_factory=lambda: {name: Counts() for name in FIELDS})
    cases: int = 0

    def add_record(self, found: dict[str, Any], gold: dict[str, Any]) -> None:
        self.cases += 1
        for name in FIELDS:
            self.fields[name].add(compare_field(found, gold, name))

    @property
    def macro_f1(self) -> float:
        return sum(c.f1 for c in self.fields.values()) / len(self.fields)

    def to_dict(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "macro_f1": round(self.macro_f1, 4),
            "fields": {
                name: {"precision": round(c.precision, 4), "recall": round(c.recall, 4), "f1": round(c.f1, 4),
                       "matched": c.matched, "found": c.found, "expected": c.expected}
                for name, c in self.fields.items()
            },
        }


def gold_cases() -> list[str]:
    return sorted(path.name.removesuffix(".notice.json") for path in GOLD_DIR.glob("*.notice.json"))


def load_gold(case: str) -> dict[str, Any]:
    record: dict[str, Any] = json.loads((GOLD_DIR / f"{case}.notice.json").read_text(encoding="utf-8"))
    return record


def case_folder(case: str) -> Path:
    folder = FIXTURES_DIR / case
    return folder if folder.is_dir() else FIXTURES_DIR / "notices" / case


def case_text_path(case: str) -> Path:
    """The plain text a clerk gets: ``input.txt`` (seeds, written notices) or GovDoc-CN's ``397.txt``."""
    folder = case_folder(case)
    given = folder / "input.txt"
    return given if given.exists() else folder / f"{case.rsplit('-', 1)[-1]}.txt"


def case_scan(case: str, variant: str) -> Path | None:
    """The rendered ``<variant>.pdf`` of a case, if it has one."""
    path = case_folder(case) / f"{variant}.pdf"
    return path if path.exists() else None


def print_differences(label: str, case: str, found: dict[str, Any], gold: dict[str, Any]) -> None:
    for name in FIELDS:
        extra, missing = field_differences(found, gold, name)
        for item in extra:
            print(f"    {label} {case} {name} + {item}")
        for item in missing:
            print(f"    {label} {case} {name} - {item}")


def score_text(cases: list[str], verbose: bool) -> tuple[Score, dict[str, Any]]:
    """Every case's text through recognize → extract_notice; also notices/second (pipeline warm)."""
    import docproc
    from docproc.extract import extract_notice
    from docproc.extract.nlp import load_pipeline

    load_pipeline()
    score = Score()
    paths = [case_text_path(case) for case in cases]
    for case, path in zip(cases, paths, strict=True):
        record = extract_notice(docproc.recognize(path)).to_dict()
        gold = load_gold(case)
        score.add_record(record, gold)
        if verbose:
            print_differences("text", case, record, gold)
    # timing: whole passes over the cases (file read, clean-up, spaCy, rules), about two seconds
    notices, started = 0, time.perf_counter()
    while notices == 0 or time.perf_counter() - started < 2.0:
        for path in paths:
            extract_notice(docproc.recognize(path))
        notices += len(paths)
    seconds = time.perf_counter() - started
    speed = {"notices": notices, "seconds": round(seconds, 3), "notices_per_second": round(notices / seconds, 1)}
    return score, speed


def score_ocr(cases: list[str], variant: str, verbose: bool,
              on_case: Callable[[str, float], None] | None = None) -> Score:
    """Every case's rendered ``<variant>.pdf`` through the default OCR engine → extract_notice."""
    from docproc.extract import extract_notice
    from docproc.pipeline import Recognizer

    recognizer = Recognizer()
    score = Score()
    for case in cases:
        scan = case_scan(case, variant)
        if scan is None:
            continue
        started = time.perf_counter()
        record = extract_notice(recognizer.recognize(scan)).to_dict()
        gold = load_gold(case)
        score.add_record(record, gold)
        if on_case is not None:
            on_case(case, time.perf_counter() - started)
        if verbose:
            print_differences(variant, case, record, gold)
    return score


def seed000_cleanup_cer() -> dict[str, float]:
    from docproc.metrics import character_error_rate
    from docproc.normalize import normalize_text

    raw = (FIXTURES_DIR / "seed-000" / "input.txt").read_text(encoding="utf-8")
    clean = (FIXTURES_DIR / "seed-000" / "clean-transcription.txt").read_text(encoding="utf-8")
    before = character_error_rate(raw, clean)
    after = character_error_rate(normalize_text(raw).text, clean)
    return {"before": round(before, 5), "after": round(after, 5), "ratio": round(after / before, 3)}


def print_table(section: dict[str, Any]) -> None:
    kinds = [k for k in ("text", "degraded", "clean") if k in section]
    header = f"{'field':<16}" + "".join(f"{k + ' P':>11}{'R':>7}{'F1':>7}" for k in kinds)
    print(header)
    for name in FIELDS:
        row = f"{name:<16}"
        for kind in kinds:
            counts = section[kind]["fields"][name]
            row += f"{counts['precision']:>11.3f}{counts['recall']:>7.3f}{counts['f1']:>7.3f}"
        print(row)
    print(f"{'macro F1':<16}" + "".join(f"{'':>11}{'':>7}{section[k]['macro_f1']:>7.3f}" for k in kinds))
    print("cases: " + ", ".join(f"{k} {section[k]['cases']}" for k in kinds))
    speed = section["speed"]
    print(f"text → record: {speed['notices_per_second']} notices/s ({speed['notices']} in {speed['seconds']} s)"
          f"  target ≥ {SPEED_TARGET:g}")
    cer = section["seed000_cleanup_cer"]
    print(f"seed 000 clean-up CER: before {cer['before']:.2%}  after {cer['after']:.2%}  (×{cer['ratio']})")
    targets = [f"text macro F1 {section['text']['macro_f1']:.3f} (≥ {TEXT_TARGET})"]
    if "degraded" in section:
        targets.append(f"OCR (degraded) macro F1 {section['degraded']['macro_f1']:.3f} (≥ {OCR_TARGET})")
    print("targets: " + "; ".join(targets))


def run(results: dict[str, Any], *, cases: list[str] | None = None,
        variants: tuple[str, ...] = ("degraded", "clean"), verbose: bool = False) -> None:
    """Add the ``extraction`` section to ``results`` and print its table."""
    selected = cases or gold_cases()
    section: dict[str, Any] = {}
    text_score, speed = score_text(selected, verbose)
    section["text"] = text_score.to_dict()
    section["speed"] = speed
    for variant in variants:
        def progress(case: str, seconds: float, variant: str = variant) -> None:
            print(f"  OCR {variant:<9} {case:<28} {seconds:6.1f} s", flush=True)

        section[variant] = score_ocr(selected, variant, verbose, progress).to_dict()
    section["seed000_cleanup_cer"] = seed000_cleanup_cer()
    results["extraction"] = section
    print_table(section)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cases", help="comma-separated gold case names (default: all)")
    parser.add_argument("--variants", default="degraded,clean",
                        help="rendered scans to OCR, comma-separated (default: degraded,clean)")
    parser.add_argument("--no-ocr", action="store_true", help="score the text input only")
    parser.add_argument("--verbose", action="store_true", help="print every item found or missed")
    parser.add_argument("--out", type=Path, help="also write the section as JSON here")
    args = parser.parse_args(argv)
    variants = () if args.no_ocr else tuple(v for v in args.variants.split(",") if v)
    results: dict[str, Any] = {}
    run(results, cases=args.cases.split(",") if args.cases else None, variants=variants, verbose=args.verbose)
    if args.out:
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
