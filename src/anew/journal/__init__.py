"""Her private journal: answers to the day's question and free entries, each with her mood."""
