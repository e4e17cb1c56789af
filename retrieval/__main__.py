"""`python -m retrieval` entry point."""

import sys

from retrieval.cli import main

sys.exit(main())
