"""Charts drawn on the server as SVG and HTML: they show with JavaScript off, keep their text at a
readable size on a phone (no viewBox shrinks it), and take their colours from the page's theme."""
