"""python -m analysis.evaluate NAME [ARGS...]: run one evaluation and print its figures."""
from __future__ import annotations

import importlib
import pkgutil
import sys

import analysis.evaluate as package


def main(argv: list[str]) -> int:
    names = sorted(m.name for m in pkgutil.iter_modules(package.__path__) if not m.name.startswith("_"))
    if not argv or argv[0] in ("-h", "--help") or argv[0] not in names:
        print(f"usage: python -m analysis.evaluate {{{','.join(names)}}} [PATH] [options]", file=sys.stderr)
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    return importlib.import_module(f"analysis.evaluate.{argv[0]}").main(argv[1:]) or 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
