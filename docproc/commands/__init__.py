"""CLI commands that live in their own modules, registered lazily in ``docproc.cli.LAZY_COMMANDS``."""
