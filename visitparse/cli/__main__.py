"""`python -m visitparse.cli`: the same as the `visitparse` command."""

import sys

from . import main

sys.exit(main())
