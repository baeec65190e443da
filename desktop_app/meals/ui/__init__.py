"""The meals page and its dialogs: the only part of the feature that uses Qt."""
