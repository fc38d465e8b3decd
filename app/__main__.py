"""`python -m app` runs the milcap command."""

from app.cli import main

main()
