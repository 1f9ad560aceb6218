"""Practice questions generated from the data: exam-style multiple choice, the question
bank the browser practice mode and exam simulation load, and Anki decks.

- `questions.py` (pure): catalog -> `Question`s. Scenario questions ("a team needs X
  under constraint Y: which service / algorithm?") come from entities' tasks, not-for
  entries and algorithm facts; fact questions from content types, required
  hyperparameters, metric directions, exam-relevant defaults and limits. Every
  distractor is wrong by the data, and each question keeps the data it rests on
  (`basis`, `refs`) so a test can re-judge every option from the catalog on its own.
- `bank.py` (pure): questions -> the JavaScript file the practice pages load
  (`practice/atlas-questions.js`, a global, so it works from file://).
- `anki.py`: questions -> `.apkg` decks per topic and per exam (genanki), with note
  guids derived from the question ids, so a re-import updates the cards.
- `pages.py` (pure): the practice and exam-simulation pages.
"""
