"""The web dashboard: static assets served by eventwire.api (see static/)."""
