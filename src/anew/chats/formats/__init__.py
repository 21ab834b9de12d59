"""One module per export format, each with a `parse` entry point returning a Chat."""
