"""The ``dyadwatch`` commands, grouped by what they do; :mod:`dyadwatch.cli` registers them."""
