"""Infobox wikitext and article text read into the record model: one reader for lint and import."""
