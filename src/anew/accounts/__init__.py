"""Accounts: users, roles, password hashing and server-side sessions."""
