"""Ways to run the coder over many articles: worker pool, Dask, ingest into a store, watch, evaluation."""
