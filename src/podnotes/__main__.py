"""``python -m podnotes``: the same as the ``podnotes`` command."""

from podnotes.cli import run

if __name__ == "__main__":
    run()
