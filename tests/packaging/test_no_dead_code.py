"""No machinery that nothing reads: every private module-level function, class or constant of the package is
used somewhere in the package (its own module or another that imports it). Rules are removed over time; their
helpers and patterns go with them."""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

import docproc

PACKAGE = Path(docproc.__file__).parent
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")  # every identifier, in code, strings and comments alike


def private_definitions(tree: ast.Module) -> list[str]:
    """Names of the module's private top-level functions, classes and assigned constants (``_X``, not dunders)."""
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names.extend(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
    return [n for n in names if n.startswith("_") and not (n.startswith("__") and n.endswith("__"))]


def unused_private_names(sources: dict[Path, str]) -> list[str]:
    """``module: name`` for each private definition whose name occurs nowhere else in the package's sources."""
    words = Counter(word for source in sources.values() for word in _WORD.findall(source))
    return [f"{path.relative_to(PACKAGE)}: {name}" for path, source in sources.items()
            for name in private_definitions(ast.parse(source)) if words[name] <= 1]


def test_the_check_finds_a_helper_nothing_calls() -> None:
    sources = {PACKAGE / "a.py": "def _used() -> int:\n    return 1\n\n\ndef _left() -> int:\n    return _used()\n",
               PACKAGE / "b.py": "_PATTERN = 1\nVALUE = 2\n"}
    assert unused_private_names(sources) == ["a.py: _left", "b.py: _PATTERN"]


def test_every_private_definition_of_the_package_is_used() -> None:
    sources = {path: path.read_text(encoding="utf-8") for path in sorted(PACKAGE.rglob("*.py"))}
    assert unused_private_names(sources) == []
