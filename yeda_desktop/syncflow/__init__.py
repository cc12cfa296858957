"""Database side of package exchange: roles, trust, baselines, batches, merge, receipts, audit."""
