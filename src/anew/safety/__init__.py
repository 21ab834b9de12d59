"""The relationship safety check, safety mode and the help resources shown while it is on."""
