"""pytest collection rules for docs/examples/.

The examples are scripts that tests run as users do (tests/test_dask_example.py); they hold
no doctests, so collecting them would only import Dask and pandas for nothing.
"""
# ruff: noqa: INP001  # docs/ is not a package; pytest loads this conftest by path

collect_ignore = ["dask_parquet.py"]
