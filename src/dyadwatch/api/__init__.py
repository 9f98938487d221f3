"""api stage of dyadwatch."""
