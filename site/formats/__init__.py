"""Locale format modules Django does not ship (see FORMAT_MODULE_PATH in settings)."""
