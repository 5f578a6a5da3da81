"""Questions over a store (dyads, actors, network) and the output formats records are written in."""
