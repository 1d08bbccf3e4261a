"""pytest collection rules for docs/.

pytest runs the ``>>>`` examples in the .rst pages (``--doctest-glob=*.rst``).  The Sphinx
configuration, the local extension and build output are not test modules, so skip them.
"""
# ruff: noqa: INP001  # docs/ is not a package; pytest loads this conftest by path

collect_ignore = ["conf.py", "_ext"]
collect_ignore_glob = ["_build/*"]
