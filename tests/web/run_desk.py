"""``python -m tests.web.run_desk serve …``: the docproc CLI with the test-only ``fault`` engine
registered (DOCPROC_ENGINE=fault), for tests that kill a real desk server."""

from docproc.cli import main
from tests.batch.fault_engine import register

if __name__ == "__main__":
    register()
    main()
