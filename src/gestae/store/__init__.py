"""The DuckDB event store: tables, migrations, clustering and the integrity check."""
