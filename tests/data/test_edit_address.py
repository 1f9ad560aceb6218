"""The edit address a generated page names is the checked repository address plus edit_uri,
and an address that would become markup is refused."""

from __future__ import annotations

import pytest
from conftest import real_data

from macros.adapter.build import settings_from_env
from macros.generation.generate import GenerationError, with_edit_url
from macros.site.markup import read_front_matter
from macros.site.pages import glossary_page, index_page

CATALOG, _ = real_data()


def test_the_edit_address_is_the_checked_repository_address_and_edit_uri(monkeypatch):
    monkeypatch.setenv("ATLAS_REPO_URL", "https://git.example.org/team/atlas/")
    settings = settings_from_env()
    assert settings.edit_base == "https://git.example.org/team/atlas/edit/main/"  # mkdocs.yml's edit_uri, without docs/
    meta, body = read_front_matter(with_edit_url(glossary_page(CATALOG).content, "data/glossary.yml", settings))
    assert meta["edit_url"] == "https://git.example.org/team/atlas/edit/main/data/glossary.yml"
    assert body.lstrip("\n").startswith("# Glossary")
    assert read_front_matter(with_edit_url(index_page(CATALOG, "algorithms").content, None, settings))[0]["edit_url"] == ""
    # The address is checked where it is made, like every address put into a page.
    with pytest.raises(ValueError, match="without spaces, quotes"):
        with_edit_url(glossary_page(CATALOG).content, 'data/x.yml"><script>', settings)
    monkeypatch.setattr("macros.adapter.build.base_config", lambda path: {"edit_uri": "blob/main/"})
    with pytest.raises(GenerationError, match="edit_uri"):
        settings_from_env()
