from repository.models.files import StoredFile
from repository.models.materials import Material, MaterialFile, MaterialKeyword
from repository.models.review import MaterialReviewTask
from repository.models.versions import MaterialVersion, VersionFile

__all__ = [
    "Material",
    "MaterialFile",
    "MaterialKeyword",
    "MaterialReviewTask",
    "MaterialVersion",
    "StoredFile",
    "VersionFile",
]
