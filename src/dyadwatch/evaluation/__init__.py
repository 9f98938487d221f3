"""Accuracy on other projects' annotated suites: loaders, mappings, scoring and reports."""
