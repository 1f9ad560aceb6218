"""The search files of a small site, written by the real index builder, for the search
engine's Node tests (tests/js/search.test.js runs this before its tests):

    python tests/search_fixture.py OUT_DIR

writes OUT_DIR/search/atlas-index.js, atlas-quick.js and atlas-meaning.js, exactly as a
build writes them (macros/features/search/index.py `search_files`), for the mini catalog
(tests/fixtures/mini with the real vocabularies) and the hand-written pages of
tests/fixtures/search. The meaning layer's vectors come from the pinned WordLlama, cached
by content under build/search-cache like a build's.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.data.dataset import load_catalog  # noqa: E402
from macros.features.search.index import search_files  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
PAGES = FIXTURES / "search"


def write(out: Path) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(FIXTURES / "mini", data)
        shutil.copytree(ROOT / "data" / "vocab", data / "vocab")
        catalog, problems = load_catalog(data, ROOT)
    if catalog is None:
        raise SystemExit("the mini catalog has problems: " + "; ".join(str(p) for p in problems[:5]))
    pages = {p.relative_to(PAGES).as_posix(): p.read_text(encoding="utf-8") for p in sorted(PAGES.rglob("*.md")) if p.name != "README.md"}
    files = search_files(catalog, offline=False, hand_written=pages)
    for path, text in files.items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_text(text, encoding="utf-8")
    return sorted(files)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    print("\n".join(write(Path(sys.argv[1]))))
