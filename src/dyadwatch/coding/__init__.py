"""coding stage of dyadwatch."""
