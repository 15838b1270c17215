"""Trainers: one CLI per model (``python -m train.<key> --help``) over a shared loop."""
