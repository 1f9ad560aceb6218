"""An unbreakable word from the data stays inside the page on screen."""

from __future__ import annotations

import re

from conftest import make_data, mkdocs_build


def test_an_unbreakable_word_in_data_stays_inside_the_page(tmp_path, browser):
    from conftest import serve

    data = make_data(tmp_path)
    alpha = data / "algorithms" / "alpha.yml"
    word = "x" * 290  # the longest word a summary (at most 320 characters) can hold
    text = alpha.read_text()
    text = re.sub(r"(?m)^summary: .*$", f"summary: A {word} algorithm.", text)
    text = text.replace("Predicting <b>numbers</b> | with a pipe.", "y" * 300)
    alpha.write_text(text)
    result = mkdocs_build(tmp_path / "site", data)
    assert result.returncode == 0, result.stdout + result.stderr
    server, base = serve(tmp_path / "site")
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for path in ("/algorithms/", "/algorithms/alpha/"):
            page.goto(base + path)
            overflow = page.evaluate("""() => [...document.querySelectorAll('article table, article p')]
                .filter(el => el.getBoundingClientRect().right > document.querySelector('article').getBoundingClientRect().right + 2)
                .length""")
            assert overflow == 0, path
        page.close()
    finally:
        server.shutdown()
