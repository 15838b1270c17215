"""A template trainer folder (see ganapp/models/_template/__init__.py for how to use both)."""
