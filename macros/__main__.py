"""`python -m macros`: the command line (macros.adapter.cli.py)."""

import sys

from macros.adapter.cli import main

sys.exit(main())
