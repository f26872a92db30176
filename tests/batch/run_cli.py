"""``python -m tests.batch.run_cli batch …``: the docproc CLI with the test-only ``fault`` engine
registered (select it with DOCPROC_ENGINE=fault), for tests that need a real process to kill."""

from docproc.cli import main
from tests.batch.fault_engine import register

if __name__ == "__main__":
    register()
    main()
