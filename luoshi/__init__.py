"""luoshi (落实): a source-grounded register of government commitments."""
from luoshi.model import Document, Measure, HeadlineTarget, Metadata, Section, Sentence, Source, Span
from luoshi.options import Options
from luoshi.pipeline import process, read, read_documents

__all__ = [
    "Document", "HeadlineTarget", "Measure", "Metadata", "Options", "Section", "Sentence",
    "Source", "Span", "process", "read", "read_documents",
]
__version__ = "0.1.0"
