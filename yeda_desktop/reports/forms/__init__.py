"""The five printed forms, one module each."""
