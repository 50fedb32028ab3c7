"""rmis.names stays a pure core: standard library and pure computation only."""

import ast
import sys
from pathlib import Path

import rmis.names

ALLOWED = {"anyascii", "rapidfuzz", "rmis"}
PACKAGE = Path(rmis.names.__file__).parent


def _imported_roots(source: str) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_imports_only_stdlib_and_pure_libraries() -> None:
    for module in PACKAGE.glob("*.py"):
        roots = _imported_roots(module.read_text(encoding="utf-8"))
        foreign = roots - ALLOWED - set(sys.stdlib_module_names)
        assert not foreign, (module.name, foreign)


def test_imports_only_its_own_package_from_rmis() -> None:
    for module in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("rmis"):
                assert (node.module or "").startswith("rmis.names"), module.name


def test_does_no_io() -> None:
    forbidden = {"open", "socket", "subprocess", "pathlib", "os", "io"}
    for module in PACKAGE.glob("*.py"):
        source = module.read_text(encoding="utf-8")
        names = {n.id for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Name)}
        assert not (forbidden & (names | _imported_roots(source))), module.name


def test_all_names_the_public_surface() -> None:
    for name in rmis.names.__all__:
        assert getattr(rmis.names, name) is not None
