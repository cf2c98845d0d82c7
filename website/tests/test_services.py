"""Loading INEGI's municipality catalogue from CSV."""

from io import StringIO

from django.core.management import CommandError, call_command

import pytest

from website.demo_loader import DATA_DIR
from website.models import Municipality
from website.services import MunicipalityFileError, municipalities_load

SHIPPED_CSV = DATA_DIR / "jalisco_municipios.csv"


def write_csv(tmp_path, text: str, name: str = "municipios.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_csv_loads_jalisco_s_125_municipalities(db):
    """The shipped file creates 125 municipalities, all in state 14, with Guadalajara as 14039."""
    assert municipalities_load(path=SHIPPED_CSV) == 125
    assert Municipality.objects.count() == 125
    assert set(Municipality.objects.values_list("state_code", flat=True)) == {"14"}
    guadalajara = Municipality.objects.get(cvegeo="14039")
    assert guadalajara.name == "Guadalajara"
    assert (guadalajara.state_code, guadalajara.municipality_code) == ("14", "039")


def test_loading_twice_creates_nothing_new(db):
    """A second run over the same file creates 0 rows and keeps the 125."""
    municipalities_load(path=SHIPPED_CSV)
    assert municipalities_load(path=SHIPPED_CSV) == 0
    assert Municipality.objects.count() == 125


def test_a_changed_name_is_updated_in_place(db, tmp_path):
    """A known code with a new name renames the row instead of adding one."""
    municipalities_load(path=write_csv(tmp_path, "cve_ent,cve_mun,cvegeo,nombre\n14,039,14039,Guadalajara\n"))
    created = municipalities_load(path=write_csv(tmp_path, "cve_ent,cve_mun,cvegeo,nombre\n14,039,14039,GDL\n"))
    assert created == 0
    assert list(Municipality.objects.values_list("cvegeo", "name")) == [("14039", "GDL")]


def test_file_missing_a_column_is_refused_with_the_column_named(db, tmp_path):
    """A file without the "nombre" column fails with a MunicipalityFileError naming it, and loads nothing."""
    path = write_csv(tmp_path, "cve_ent,cve_mun,cvegeo\n14,039,14039\n")
    with pytest.raises(MunicipalityFileError, match="nombre"):
        municipalities_load(path=path)
    assert not Municipality.objects.exists()


@pytest.mark.parametrize("code", ["1403", "14O39", "140390", ""])
def test_bad_code_is_refused_with_its_line_number(db, tmp_path, code):
    """A code that is not five digits fails on its line, and the whole file is rolled back."""
    path = write_csv(tmp_path, f"cve_ent,cve_mun,cvegeo,nombre\n14,001,14001,Acatic\n14,039,{code},Guadalajara\n")
    with pytest.raises(MunicipalityFileError, match="línea 3"):
        municipalities_load(path=path)
    assert not Municipality.objects.exists()


def test_missing_file_is_a_municipality_file_error(db, tmp_path):
    """A path that does not exist is reported as a MunicipalityFileError, not an OSError."""
    with pytest.raises(MunicipalityFileError):
        municipalities_load(path=tmp_path / "no-existe.csv")


def test_command_loads_the_shipped_file_by_default(db):
    """`load_municipalities` without arguments loads Jalisco and says how many are new."""
    out = StringIO()
    call_command("load_municipalities", stdout=out)
    assert "125 municipios nuevos" in out.getvalue()
    assert Municipality.objects.filter(cvegeo="14039").exists()


def test_command_reports_a_bad_file_as_a_command_error(db, tmp_path):
    """A bad file ends the command with a CommandError that names the file and the missing column."""
    path = write_csv(tmp_path, "clave,nombre\n14039,Guadalajara\n", name="estado.csv")
    with pytest.raises(CommandError) as error:
        call_command("load_municipalities", str(path), stdout=StringIO())
    message = str(error.value)
    assert "estado.csv" in message
    assert "faltan las columnas" in message
    assert "cvegeo" in message
