"""(Re)build the spaCy pipeline directory models/spacy/docproc_zh from the JSONL patterns.

    .venv/bin/python tools/build_spacy_pipeline.py
"""

from __future__ import annotations

import shutil

from docproc.extract.nlp import build_pipeline, pipeline_dir


def main() -> None:
    target = pipeline_dir()
    if target.exists():
        shutil.rmtree(target)
    nlp = build_pipeline()
    nlp.to_disk(target)
    print(f"wrote {target} with pipes {nlp.pipe_names}")


if __name__ == "__main__":
    main()
