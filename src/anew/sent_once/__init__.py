"""Writes that may arrive twice (a phone resending what it queued offline) stored once per key."""
