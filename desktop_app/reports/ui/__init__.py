"""The reports feature's Qt widgets."""
