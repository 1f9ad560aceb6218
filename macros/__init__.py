"""AWS ML Atlas: YAML data -> validated catalogue -> Markdown pages, tables, diagrams,
practice and search -> a static site built by MkDocs.

Layers, each importing only the ones before it (docs/contributing.md draws them):

- `data/`: schema, loading, checks, the catalogue and the facts derived from it;
- `site/`: routes and anchors, Markdown escaping, Jinja rendering, entity pages, tables,
  diagrams, the macros of hand-written pages;
- `features/`: choosers, practice, self-test, search;
- `generation/`: every page, file and nav entry of the docs folder, assembled;
- `adapter/`: the only code that knows MkDocs (configuration, build, the macros plugin's
  entry point, the edit-link hook, `make serve`) and the command line.
"""
