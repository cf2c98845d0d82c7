"""MultipleChoiceField: a list of vocabulary values stored as ",a,b," in one column."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import connection

import pytest

from education.factories import GuidePageFactory
from education.models import GuidePage
from website.fields import MultipleChoiceField
from website.vocabularies import AgeBand, Audience

AUDIENCES = GuidePage._meta.get_field("audiences")
AGE_BANDS = GuidePage._meta.get_field("age_bands")


def stored_text(page, column):
    """The raw column value, read without the field's conversion."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM education_guidepage WHERE page_ptr_id = %s", [page.pk])  # noqa: S608
        return cursor.fetchone()[0]


@pytest.fixture
def guides(site_tree):
    library = site_tree["library"]
    return {
        "families": GuidePageFactory(parent=library, audiences=["familias"], age_bands=["primaria_baja"]),
        "teachers_children": GuidePageFactory(
            parent=library, audiences=["docentes", "nna"], age_bands=["primaria_alta", "secundaria"]
        ),
        "police": GuidePageFactory(parent=library, audiences=["policias"], age_bands=["bachillerato"]),
        "all_children": GuidePageFactory(parent=library, audiences=["nna", "familias"], age_bands=list(AgeBand.values)),
    }


def test_list_round_trips_through_the_database(guides):
    """A saved list comes back from the database as the same list, in the same order."""
    reloaded = GuidePage.objects.get(pk=guides["teachers_children"].pk)
    assert reloaded.audiences == ["docentes", "nna"]
    assert reloaded.age_bands == ["primaria_alta", "secundaria"]


def test_list_is_stored_with_delimiters_on_both_sides(guides):
    """The column holds ",a,b," so that `contains` matches whole values only."""
    assert stored_text(guides["teachers_children"], "audiences") == ",docentes,nna,"
    assert stored_text(guides["families"], "age_bands") == ",primaria_baja,"


def test_empty_list_is_stored_as_empty_text_and_read_back_as_empty_list():
    """An empty selection is "" in the column and [] in Python, never None or [""]."""
    assert AUDIENCES.get_prep_value([]) == ""
    assert AUDIENCES.to_python("") == []
    assert AUDIENCES.to_python(None) == []
    assert AUDIENCES.to_python(",familias,,nna,") == ["familias", "nna"]


def test_contains_filter_finds_exactly_the_rows_with_the_value(guides):
    """`__contains=MultipleChoiceField.contains(v)` returns every row holding v and no other."""
    found = set(GuidePage.objects.filter(audiences__contains=MultipleChoiceField.contains("nna")))
    assert found == {guides["teachers_children"], guides["all_children"]}
    found = set(GuidePage.objects.filter(audiences__contains=MultipleChoiceField.contains("familias")))
    assert found == {guides["families"], guides["all_children"]}


def test_contains_filter_does_not_match_part_of_a_value(guides):
    """ "primaria" is part of "primaria_baja" and "primaria_alta" but matches neither."""
    assert not GuidePage.objects.filter(age_bands__contains=MultipleChoiceField.contains("primaria")).exists()
    found = set(GuidePage.objects.filter(age_bands__contains=MultipleChoiceField.contains("primaria_alta")))
    assert found == {guides["teachers_children"], guides["all_children"]}


def test_validation_rejects_a_value_outside_the_vocabulary():
    """An unknown choice is refused with the invalid_choice code and names the value."""
    with pytest.raises(ValidationError) as error:
        AUDIENCES.clean(["familias", "piratas"], None)
    assert error.value.code == "invalid_choice"
    assert "piratas" in str(error.value.messages[0])


def test_validation_accepts_known_values_and_rejects_an_empty_required_list():
    """Known values pass; a required field (blank=False) refuses an empty list."""
    assert AUDIENCES.clean(["familias", "docentes"], None) == ["familias", "docentes"]
    with pytest.raises(ValidationError) as error:
        AUDIENCES.clean([], None)
    assert error.value.code == "blank"


def test_full_clean_on_a_model_reports_the_unknown_value(site_tree):
    """Model validation reports an unknown age band on the age_bands field."""
    guide = GuidePageFactory.build(audiences=["familias"], age_bands=["universidad"])
    with pytest.raises(ValidationError) as error:
        guide.full_clean(exclude=["path", "depth", "slug", "topics", "body"])
    assert "age_bands" in error.value.message_dict


def test_form_field_is_a_checkbox_multiple_choice():
    """The admin form field is a multiple choice rendered as checkboxes with the vocabulary's choices."""
    form_field = AUDIENCES.formfield()
    assert isinstance(form_field, forms.MultipleChoiceField)
    assert isinstance(form_field.widget, forms.CheckboxSelectMultiple)
    assert [value for value, _label in form_field.choices] == list(Audience.values)
    assert form_field.required is True


def test_form_field_cleans_submitted_checkboxes_to_a_list():
    """Checked boxes come back as a list; an unknown submitted value is a form error."""
    form_field = AGE_BANDS.formfield()
    assert form_field.clean(["secundaria", "bachillerato"]) == ["secundaria", "bachillerato"]
    with pytest.raises(ValidationError):
        form_field.clean(["universidad"])
