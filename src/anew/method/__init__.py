"""The six-step method: each step's rules as plain functions, and the tables of her progress."""
