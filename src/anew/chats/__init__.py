"""Chat exports: read them into one normalized message table and measure the conversation."""
