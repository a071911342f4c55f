"""Stage 9: render a run for people (Markdown) and machines (JSON)."""
