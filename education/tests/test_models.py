"""Institutions: CCT rules and join codes."""

from django.core.exceptions import ValidationError

import pytest

from education.factories import InstitutionFactory
from education.models import Institution, InstitutionKind
from education.models.institutions import CCT_INVALID, CCT_ONLY_FOR_SCHOOLS, CCT_REQUIRED
from website.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def _school(cct, kind=InstitutionKind.SCHOOL):
    return Institution(name="Secundaria", kind=kind, cct=cct, municipality=MunicipalityFactory())


@pytest.mark.parametrize("cct", ["14EES0001Z", "14dpr0123k", "14DEMO0001X"])
def test_valid_and_demo_ccts_are_accepted(cct):
    """Real-format keys and the obviously fictitious DEMO form pass (upper-cased)."""
    school = _school(cct)
    school.full_clean()
    assert school.cct == cct.upper()


@pytest.mark.parametrize(
    ("cct", "kind", "message"),
    [
        ("", InstitutionKind.SCHOOL, CCT_REQUIRED),
        ("14EES01", InstitutionKind.SCHOOL, CCT_INVALID),
        ("14EES0001Z", InstitutionKind.POLICE_ACADEMY, CCT_ONLY_FOR_SCHOOLS),
    ],
)
def test_cct_rules(cct, kind, message):
    """Schools need a well-formed CCT; other kinds have none."""
    with pytest.raises(ValidationError) as error:
        _school(cct, kind).full_clean()
    assert error.value.message_dict["cct"] == [str(message)]


def test_join_code_is_generated_unique_and_readable():
    """A blank code becomes 8 characters without look-alikes (0/O, 1/I/L)."""
    first, second = InstitutionFactory(join_code=""), InstitutionFactory(join_code="")
    assert first.join_code != second.join_code
    for code in (first.join_code, second.join_code):
        assert len(code) == 8
        assert not set(code) & set("01OIL")


def test_typed_join_code_is_normalised():
    """Spaces and dashes go; letters are upper-cased."""
    institution = _school("", InstitutionKind.OTHER)
    institution.join_code = "dif-ofi 7"
    institution.full_clean()
    assert institution.join_code == "DIFOFI7"
