"""Data files and the loaders that validate them: ontology, lexicon, word classes, actor dictionaries."""
