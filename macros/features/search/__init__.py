"""Site search that is ours, not the theme's.

- `index.py` builds the search documents from the catalog (pure): one per page, one per
  hyperparameter, metric and content-type row, one per glossary term, each with the
  fields the ranking weighs (title, other names, tasks in a student's words,
  identifiers, text); `meaning.py` the meaning layer: vectors for every page, task and
  section, and a word-piece table the worker turns a query into a vector with
  (`docs/assets/javascripts/search/atlas-meaning.js`), fused with the word ranking.
- `docs/assets/javascripts/search/` is the engine, each file a plain script for the worker
  and a Node module for the build and tests/js/search.test.js: `atlas-search.js` the word
  ranking (MiniSearch with our tokenizer, stop words, typo tolerance and field weights),
  `atlas-meaning.js` the meaning ranking, `atlas-rank.js` the final list fused from both;
  it knows nothing of a theme.
- `docs/assets/javascripts/theme/material-worker.js` is the one small adapter that
  speaks Material 9's search-worker protocol, so the theme's search box and results panel
  show our results. A new theme needs a new adapter, not a new index.
"""
