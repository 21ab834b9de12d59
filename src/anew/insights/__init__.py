"""What her own data says: her mood over time and the hours that have been hard for her."""
