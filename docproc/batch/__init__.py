"""Many files at once: ``docproc batch DIR -o OUT`` as a library call.

``run_batch(BatchOptions(source, output, settings, jobs=…))`` processes every file under the
folder over a pool of worker processes (or a Dask cluster), pages spread over workers, results
per input under ``OUT/results/`` and one line per finished input in ``OUT/manifest.jsonl``; a rerun
does only what is missing or changed. See docs/batch.md.
"""

from docproc.batch.manifest import MANIFEST_NAME, ManifestEntry, read_manifest
from docproc.batch.planner import RESULTS_FOLDER, result_folder
from docproc.batch.run import BatchOptions, BatchSummary, run_batch

__all__ = [
    "MANIFEST_NAME",
    "RESULTS_FOLDER",
    "BatchOptions",
    "BatchSummary",
    "ManifestEntry",
    "read_manifest",
    "result_folder",
    "run_batch",
]
