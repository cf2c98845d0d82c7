"""Writes of the site shell."""

import csv
import unicodedata
from pathlib import Path

from django.db import transaction

from .models import Municipality

MUNICIPALITY_CSV_COLUMNS = {"cve_ent", "cve_mun", "cvegeo", "nombre"}


class MunicipalityFileError(ValueError):
    """The municipalities file cannot be read as INEGI's catalogue."""


@transaction.atomic
def municipalities_load(*, path: Path) -> int:
    """Create or rename municipalities from an INEGI-style CSV (cve_ent,cve_mun,cvegeo,nombre).

    Returns how many were created. Idempotent: codes already present keep their rows.
    """
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = MUNICIPALITY_CSV_COLUMNS - set(reader.fieldnames or [])
            if missing:
                raise MunicipalityFileError(f"{path.name}: faltan las columnas {', '.join(sorted(missing))}.")
            rows = list(reader)
    except (OSError, UnicodeDecodeError) as error:
        raise MunicipalityFileError(f"{path}: {error}") from error

    existing = {m.cvegeo: m for m in Municipality.objects.all()}
    created = 0
    for line, row in enumerate(rows, start=2):
        cvegeo = (row["cvegeo"] or "").strip()
        name = unicodedata.normalize("NFC", (row["nombre"] or "").strip())
        if len(cvegeo) != 5 or not cvegeo.isdigit() or not name:
            raise MunicipalityFileError(f"{path.name}, línea {line}: clave o nombre no válidos.")
        municipality = existing.get(cvegeo)
        if municipality is None:
            Municipality.objects.create(cvegeo=cvegeo, state_code=cvegeo[:2], municipality_code=cvegeo[2:], name=name)
            created += 1
        elif municipality.name != name:
            municipality.name = name
            municipality.save(update_fields=["name"])
    return created
