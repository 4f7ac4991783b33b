"""Serialisations of a material's metadata: NL-LOM, Dublin Core and schema.org JSON-LD."""
