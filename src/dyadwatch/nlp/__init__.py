"""nlp stage of dyadwatch."""
