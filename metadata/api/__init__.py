"""The public read API at /api/v1/: published materials and public collections as JSON."""
