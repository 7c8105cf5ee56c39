"""Turn infoboxes (wikitext, article text) into native records that keep their positions."""
