"""Item pipelines, one a module, run in the order of ``ITEM_PIPELINES`` in settings."""
