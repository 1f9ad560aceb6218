"""Guided choosers: from a reader's answers to one or two candidates, with reasons.

- `model.py`: the schema of data/choosers/<id>.yml (questions, answers, constraints);
- `attributes.py`: what a constraint may name on a candidate, and the fact it reads;
- `load.py`: reading the files and checking them against the catalog (problem lines);
- `evaluate.py`: pure evaluation, answers -> picks with reasons and exclusions with facts;
- `page.py`: the generated page (form, no-script table, exam tips) and its data block.

The browser side, docs/assets/javascripts/choosers.js, evaluates the same fact table the
page ships as JSON; tests/test_choosers.py checks that both agree on every combination.
"""
