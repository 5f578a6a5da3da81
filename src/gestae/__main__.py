"""`python -m gestae` runs the command line."""

from gestae.cli.app import main

main()
