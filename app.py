"""ganapp's entry point: ``python app.py`` (what a Space runs) serves the app, as the ``ganapp``
command does after ``pip install .``. The app itself is ganapp.web."""

from ganapp.web import main
from ganapp.web.app import build_app, build_demo

__all__ = ["build_app", "build_demo"]

if __name__ == "__main__":
    main([])  # a Space passes no arguments
