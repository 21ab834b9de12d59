"""The web layer: FastAPI app factory, HTML pages and the JSON API. Domain code never imports it."""
