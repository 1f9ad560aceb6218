"""The CSP step of the build (macros/site/csp.py) on a page written by hand: an inline script
fails the build; a JSON data block does not."""

from __future__ import annotations

from macros.site import csp


def test_an_inline_script_fails_the_build_step(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<html><head></head><body><script>alert(1)</script>"
                                               '<script type="application/json">{}</script></body></html>')
    problems = csp.apply(tmp_path)
    assert len(problems) == 1 and problems[0].startswith("a/index.html: an inline script ('alert(1)')")
