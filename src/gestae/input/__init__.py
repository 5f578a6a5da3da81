"""Reading articles: files and lines in, clean text out, and a reported reason for each one skipped."""
