"""The fix stage: apply findings' edits to source text, pass after pass, and write files safely."""
