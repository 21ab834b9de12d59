"""The path through the days: one short card a day, her milestones, and her Today screen."""
