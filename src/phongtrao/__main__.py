"""``python -m phongtrao``: the same as the ``phongtrao`` command."""

import sys

from phongtrao._cli import main

sys.exit(main())
