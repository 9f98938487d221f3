"""analysis stage of dyadwatch."""
