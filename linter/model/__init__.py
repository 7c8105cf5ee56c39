"""The values every stage shares: documents with positions, hits, spans and findings."""
