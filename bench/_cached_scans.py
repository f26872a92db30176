import hashlib, sys
from pathlib import Path
import docproc
from bench.gold_sets import cases
from bench.scoring import Score
from bench.extraction import print_differences
from docproc.extract import extract_notice
from docproc.errors import NothingExtractedError
cache = Path("/work/ocr-cache")
score = Score()
for case in cases(sys.argv[1]):
    if case.is_real_scan:
        path = case.folder / "input.pdf"
    else:
        import glob
        found = glob.glob(f"build/bench-render/*/{case.name}/degraded.pdf")
        if not found: continue
        path = Path(found[0])
    key = hashlib.sha256(path.read_bytes()).hexdigest()[:20]
    cached = cache / f"{key}.document.json"
    if not cached.exists(): continue
    try:
        rec = extract_notice(docproc.load(cached)).to_dict()
    except NothingExtractedError:
        rec = {}
    score.add_record(rec, case.gold())
    if case.set != "heldout" and len(sys.argv) > 2:
        print_differences("scan", case.name, rec, case.gold())
d = score.to_dict()
print("cases", d["cases"], "macro", d["macro_f1"])
for k, v in d["fields"].items(): print(f"{k:<16}{v['precision']:>7}{v['recall']:>7}{v['f1']:>7}")
