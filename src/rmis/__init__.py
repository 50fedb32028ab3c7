"""RMIS: the Regional Migration Information System."""

__version__ = "0.1.0"
