"""Importers that turn published vocabulary files into concepts."""
