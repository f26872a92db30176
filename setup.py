"""setup.cfg holds the metadata; this adds the data folders beside the package to its wheel.

``models/`` and ``templates/`` live at the top of the repository, where a checkout and an editable
install (``make install``) read them. A built wheel carries them inside the package, as
``docproc/_bundled/models`` and ``docproc/_bundled/templates``, where :mod:`docproc.resources`
finds them when docproc is installed from it.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

BUNDLED = ("models", "templates")


class BuildWithData(build_py):
    """``build_py`` that also copies ``models/`` and ``templates/`` into ``docproc/_bundled/``."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads the repository's folders in place
            return
        for name in BUNDLED:
            target = Path(self.build_lib) / "docproc" / "_bundled" / name
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(name, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))


setup(cmdclass={"build_py": BuildWithData})
