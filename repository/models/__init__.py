from repository.models.collections import Collection, CollectionItem
from repository.models.feedback import Feedback, Report
from repository.models.files import FileDerivative, StoredFile
from repository.models.materials import (
    CONCEPT_FIELDS,
    Material,
    MaterialFile,
    MaterialKeyword,
)
from repository.models.remix import MaterialSource
from repository.models.review import (
    ConflictOfInterest,
    MaterialReviewTask,
    Review,
    ReviewAssignment,
    ReviewScore,
    ReviewStatus,
)
from repository.models.versions import MaterialVersion, VersionFile

__all__ = [
    "CONCEPT_FIELDS",
    "Collection",
    "CollectionItem",
    "MaterialSource",
    "Feedback",
    "FileDerivative",
    "Report",
    "Material",
    "MaterialFile",
    "MaterialKeyword",
    "MaterialReviewTask",
    "ConflictOfInterest",
    "Review",
    "ReviewAssignment",
    "ReviewScore",
    "ReviewStatus",
    "MaterialVersion",
    "StoredFile",
    "VersionFile",
]
