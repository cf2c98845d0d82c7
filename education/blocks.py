"""Quiz blocks for course modules: a question, its choices and the explanation shown after answering.

The quiz is stored as editors write it, right answers included, and is never rendered directly:
views render it through `education.quiz.quiz_questions`, a view model without `is_correct` or
explanations, so the right answers cannot reach the browser before the learner submits.
"""

import uuid

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

QUESTION_NEEDS_A_RIGHT_ANSWER = _("Marca al menos una respuesta como correcta.")
QUESTION_NEEDS_A_WRONG_ANSWER = _("Deja al menos una respuesta incorrecta: si todas son correctas no hay pregunta.")
CHOICE_ID_MAX_LENGTH = 40


def new_choice_id() -> str:
    return uuid.uuid4().hex[:12]


class QuizChoiceBlock(blocks.StructBlock):
    """One possible answer. Its key identifies it in learners' answers, so it never changes."""

    text = blocks.CharBlock(label=_("Respuesta"), max_length=300)
    is_correct = blocks.BooleanBlock(label=_("Es correcta"), required=False)
    choice_id = blocks.CharBlock(
        label=_("Clave interna"),
        required=False,
        max_length=CHOICE_ID_MAX_LENGTH,
        help_text=_("Se llena sola al guardar. No la cambies: identifica la respuesta en los intentos."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Respuesta")


class QuizQuestionBlock(blocks.StructBlock):
    """A multiple-choice question. With more than one right answer, learners must choose exactly those."""

    prompt = blocks.TextBlock(label=_("Pregunta"), max_length=500)
    choices = blocks.ListBlock(QuizChoiceBlock(), label=_("Respuestas"), min_num=2, max_num=8)
    explanation = blocks.TextBlock(
        label=_("Explicación"),
        max_length=1000,
        help_text=_("Se muestra después de responder: por qué la respuesta correcta lo es."),
    )

    def clean(self, value):
        value = super().clean(value)
        choices = list(value.get("choices") or [])
        if not any(choice.get("is_correct") for choice in choices):
            raise StructBlockValidationError(
                non_block_errors=ErrorList([ValidationError(QUESTION_NEEDS_A_RIGHT_ANSWER)])
            )
        if all(choice.get("is_correct") for choice in choices):
            raise StructBlockValidationError(
                non_block_errors=ErrorList([ValidationError(QUESTION_NEEDS_A_WRONG_ANSWER)])
            )
        # Keys must be unique within the question; a copied answer gets a fresh one.
        seen = set()
        for choice in choices:
            key = (choice.get("choice_id") or "").strip()
            if not key or key in seen:
                key = new_choice_id()
            choice["choice_id"] = key
            seen.add(key)
        return value

    class Meta:
        icon = "help"
        label = _("Pregunta")
        preview_value = {
            "prompt": "¿Qué término se usa para imágenes sexuales de una persona menor de 18 años?",
            "choices": [
                {"text": "Material de abuso sexual infantil (MASI).", "is_correct": True, "choice_id": "a"},
                {"text": "Contenido para adultos.", "is_correct": False, "choice_id": "b"},
            ],
            "explanation": "Si hay niñas o niños implicados, no es porno: es abuso.",
        }
        description = _("Una pregunta de opción múltiple con su explicación.")


class QuizStreamBlock(blocks.StreamBlock):
    """The questions of a module's quiz, in the order learners see them."""

    question = QuizQuestionBlock()
