"""The orchestrator: the only module that knows the order of the stages.

Stages, each one module (or package) taking the previous stage's frozen
dataclasses and returning new ones:

1. read       bytes → ``Source`` (format, encoding, chrome, mojibake repairs)
2. normalise  ``Source.text`` → ``Normalised`` view with an offset map back
3. structure  sections with roles, sentences, glossary → ``Structure``
4. metadata   region, level, division code, year, type → ``Metadata``
5. extract    measures (prose, then the cells of indicator tables, merged in
              text order) and headline targets (``Options.extract``), then
              projects and slogans, then tasks (linked to all three), and the
              topic of every task and measure

Storing is separate (``luoshi.store``): a ``Document`` is complete without
a database.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from luoshi.extract.indicator_tables import find_tables, merge_measures
from luoshi.extract.measures import extract_measures
from luoshi.extract.projects import extract_projects, link_projects
from luoshi.extract.roles import RoleMap
from luoshi.extract.slogans import extract_slogans
from luoshi.extract.targets import extract_targets
from luoshi.extract.tasks import extract_tasks
from luoshi.extract.topics import topics_for_measures
from luoshi.model import Document, Source
from luoshi.normalise import normalise
from luoshi.options import Options
from luoshi.read import read_path
from luoshi.structure import analyse
from luoshi.structure.metadata import infer_metadata


def process(source: Source, options: Options = Options()) -> Document:
    """Run stages 2–5 on one read source."""
    norm = normalise(source.text, source.repairs if options.repair_mojibake else ())
    structure = analyse(source, norm)
    metadata = infer_metadata(source, norm, structure)
    measures = targets = tasks = projects = slogans = ()
    if options.extract:
        roles = RoleMap(norm, structure, metadata)  # the measures and the tasks both read it
        tables = find_tables(source, norm, structure, metadata, roles)
        measures = merge_measures(extract_measures(source, norm, structure, metadata, roles), tables)
        targets = extract_targets(source, norm, structure, metadata, measures, tables)
        projects = extract_projects(source, norm, structure, metadata)
        slogans = extract_slogans(source, norm, structure, metadata)
        tasks = extract_tasks(source, norm, structure, metadata, measures, projects, slogans, roles)
        projects = link_projects(projects, tasks)
        measures = topics_for_measures(measures, tasks, structure.sections)
    return Document(
        source=source,
        normalised=norm,
        sections=structure.sections,
        sentences=structure.sentences,
        glossary=structure.glossary,
        metadata=metadata,
        measures=measures,
        targets=targets,
        tasks=tasks,
        projects=projects,
        slogans=slogans,
    )


def read_documents(path: str | Path, options: Options = Options()) -> Iterator[Document]:
    """Every document in one file (a tabular file holds one per row)."""
    for source in read_path(path, options):
        yield process(source, options)


def read(path: str | Path, options: Options = Options()) -> Document:
    """Read one document file into a ``Document``, with no database."""
    docs = list(read_documents(path, options))
    if len(docs) != 1:
        from luoshi.errors import UsageError

        raise UsageError(f"holds {len(docs)} documents; use luoshi.read_documents()", path=str(path))
    return docs[0]
