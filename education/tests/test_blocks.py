"""Quiz block validation: a question needs right and wrong answers; keys are filled and unique."""

from django.core.exceptions import ValidationError

import pytest

from education.blocks import QuizQuestionBlock


def _value(choices):
    block = QuizQuestionBlock()
    return block, block.to_python({"prompt": "¿Pregunta?", "choices": choices, "explanation": "Porque sí."})


def test_question_without_a_right_answer_is_refused():
    """At least one choice must be marked right."""
    block, value = _value([{"text": "A", "is_correct": False}, {"text": "B", "is_correct": False}])
    with pytest.raises(ValidationError):
        block.clean(value)


def test_question_with_only_right_answers_is_refused():
    """At least one choice must be wrong."""
    block, value = _value([{"text": "A", "is_correct": True}, {"text": "B", "is_correct": True}])
    with pytest.raises(ValidationError):
        block.clean(value)


def test_missing_and_duplicate_choice_keys_are_filled():
    """Blank keys get one; a copied key gets a fresh one; existing unique keys stay."""
    block, value = _value(
        [
            {"text": "A", "is_correct": True, "choice_id": "keep"},
            {"text": "B", "is_correct": False, "choice_id": "keep"},
            {"text": "C", "is_correct": False, "choice_id": ""},
        ]
    )
    cleaned = block.clean(value)
    keys = [choice["choice_id"] for choice in cleaned["choices"]]
    assert keys[0] == "keep"
    assert len(set(keys)) == 3
    assert all(keys)
