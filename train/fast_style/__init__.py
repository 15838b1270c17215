"""The fast style model's weights: converted from Magenta's published networks, not trained
(convert.py; recipes/default.toml)."""
