"""The read-path benchmark: scaled data, the peer (Datasette), the framework ceiling, wrk."""
