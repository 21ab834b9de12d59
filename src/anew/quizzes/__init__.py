"""Outcome quizzes written as TOML files, checked at load, scored by weights."""
