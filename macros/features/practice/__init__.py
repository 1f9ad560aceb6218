"""Practice questions made from the data: exam-style items and recall cards, the question bank
the browser practice mode and exam simulation load, and Anki decks.

- `base.py`: the `Question` and `Reason` records and shared helpers; a question is exam style
  (a situation, four or five options of one family, a reason per option) or recall (a bare
  fact for flashcards, kept out of the exam simulation).
- `compose.py`: situations composed from facts through the choosers' fact table
  (macros/features/choosers): two or three constraints, one key, distractors that each fail one.
- `authored.py`: the schema, loader and checks of data/practice/*.yml, hand-written items for
  what facts cannot compose (MLOps, security, cost, generative-AI design).
- `scenarios.py`: needs (tasks) and not-for entries of the pages as exam items.
- `recall.py`: content types per channel, required hyperparameters, metric directions,
  defaults and limits.
- `checks.py`: giveaway checks (stem echoes the key, one family, best word match).
- `questions.py`: all of them, deduplicated, with counts per exam domain.
- `bank.py` (format 2), `anki.py`, `pages.py`: what the site ships.

Every question keeps the data it rests on (`basis`, `refs`) so tests/data/test_practice.py can
re-judge every option from the catalog on its own.
"""
