"""``python -m pipeline.eval``: print the evaluation tables."""

from pipeline.eval import main

raise SystemExit(main())
