"""Guided choosers: from a reader's answers to one or two candidates, with reasons.

- `model.py`: the schema of data/choosers/<id>.yml (questions, answers, constraints);
- `attributes.py`: what a constraint may name on a candidate, and the fact it reads;
- `load.py`: reading the files and checking them against the catalog (problem lines);
- `evaluate.py`: pure evaluation, answers -> ranked picks (with their reasons and the notes
  of the ranking rules that order them) and exclusions with facts;
- `page.py`: the generated page (form, no-script table, exam tips) and its data block.

The browser side is docs/assets/javascripts/choosers/: engine.js only combines the fact
table the page ships as JSON (every fact, rule verdict and note judged and worded here),
ui.js draws the form and the result. tests/js/choosers.test.js tests the engine under
`node --test`; tests/data/test_choosers.py checks that it agrees with evaluate.py, on everything
the page draws, for every combination of answers.
"""
