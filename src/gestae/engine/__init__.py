"""The coder: parse, actors, events, dates, places, records; `pipeline.Coder` runs them in order."""
