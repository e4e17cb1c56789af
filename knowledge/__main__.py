"""``python -m knowledge validate | stats | review | check-links`` (see knowledge.cli)."""

from knowledge.cli import main

raise SystemExit(main())
