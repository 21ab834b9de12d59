"""The vault looks back: on days 7, 30 and 90 of her path, if she asked for it, Today brings back
a message she kept in her vault, with "how does this read to you now?" and her mood then and now."""
