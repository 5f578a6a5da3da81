"""`python -m gestae` runs the command line."""

from gestae.cli import main

main()
