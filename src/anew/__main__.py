"""`python -m anew` runs the command line."""

from anew.cli import script

script()
