"""A module's quiz as learners may see it, and its grading.

`quiz_questions` is the only shape in which a quiz reaches a template before the learner
answers: prompts and choices, never which choices are right nor the explanations.
`quiz_grade` compares submitted choice keys with the stored quiz on the server.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

ANSWER_FIELD_PREFIX = "q-"
MAX_CHOICES_PER_ANSWER = 20
MAX_KEY_LENGTH = 64


@dataclass(frozen=True)
class QuizChoice:
    id: str
    text: str


@dataclass(frozen=True)
class QuizQuestion:
    """A question without its answer: safe to render in the quiz form."""

    id: str
    number: int
    prompt: str
    choices: tuple[QuizChoice, ...]
    multiple: bool

    @property
    def field_name(self) -> str:
        return f"{ANSWER_FIELD_PREFIX}{self.id}"


@dataclass(frozen=True)
class GradedChoice:
    id: str
    text: str
    is_correct: bool
    chosen: bool


@dataclass(frozen=True)
class GradedQuestion:
    id: str
    number: int
    prompt: str
    choices: tuple[GradedChoice, ...]
    explanation: str
    is_right: bool
    answered: bool


@dataclass(frozen=True)
class GradedQuiz:
    questions: tuple[GradedQuestion, ...]

    @property
    def question_count(self) -> int:
        return len(self.questions)

    @property
    def correct_count(self) -> int:
        return sum(1 for question in self.questions if question.is_right)

    @property
    def score(self) -> int:
        """Whole percent, rounded down so rounding never turns a fail into a pass."""
        if not self.questions:
            return 100
        return self.correct_count * 100 // self.question_count

    def as_snapshot(self) -> list[dict]:
        """What the learner saw and chose, kept with the attempt so later edits do not change it."""
        return [
            {
                "id": q.id,
                "number": q.number,
                "prompt": q.prompt,
                "explanation": q.explanation,
                "is_right": q.is_right,
                "answered": q.answered,
                "choices": [
                    {"id": c.id, "text": c.text, "is_correct": c.is_correct, "chosen": c.chosen} for c in q.choices
                ],
            }
            for q in self.questions
        ]


def _question_id(child, index: int) -> str:
    return str(child.id or f"q{index}")


def _choice_id(question_id: str, index: int, value) -> str:
    # Editors' saves fill choice_id (QuizQuestionBlock.clean); the fallback is deterministic.
    return (value.get("choice_id") or "").strip() or f"{question_id}-{index}"


def _questions(quiz):
    """(question id, number, value, [(choice id, choice value)]) for every question block."""
    number = 0
    for index, child in enumerate(quiz or []):
        if child.block_type != "question":
            continue
        number += 1
        question_id = _question_id(child, index)
        choices = [(_choice_id(question_id, i, choice), choice) for i, choice in enumerate(child.value["choices"])]
        yield question_id, number, child.value, choices


def quiz_questions(quiz) -> list[QuizQuestion]:
    """The quiz without right answers or explanations."""
    return [
        QuizQuestion(
            id=question_id,
            number=number,
            prompt=value["prompt"],
            choices=tuple(QuizChoice(id=key, text=choice["text"]) for key, choice in choices),
            multiple=sum(1 for _key, choice in choices if choice["is_correct"]) > 1,
        )
        for question_id, number, value, choices in _questions(quiz)
    ]


def answers_from_post(data) -> dict[str, list[str]]:
    """Answers from a submitted quiz form: {question id: [choice keys]}. Nothing here is trusted."""
    answers = {}
    for name in data:
        if not name.startswith(ANSWER_FIELD_PREFIX):
            continue
        question_id = name[len(ANSWER_FIELD_PREFIX) :][:MAX_KEY_LENGTH]
        answers[question_id] = data.getlist(name)
    return answers


def _chosen(raw) -> set[str]:
    if raw is None:
        return set()
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, Iterable):
        return set()
    return {str(key)[:MAX_KEY_LENGTH] for key in list(raw)[:MAX_CHOICES_PER_ANSWER]}


def quiz_grade(quiz, answers: Mapping) -> GradedQuiz:
    """Grade answers against the stored quiz.

    A question is right only when the chosen keys are exactly its right answers: a missing
    answer, a key that belongs to another question or module, or one extra choice makes it wrong.
    Answers to questions that are not in this quiz are ignored.
    """
    graded = []
    for question_id, number, value, choices in _questions(quiz):
        chosen = _chosen(answers.get(question_id))
        keys = {key for key, _choice in choices}
        right = {key for key, choice in choices if choice["is_correct"]}
        graded.append(
            GradedQuestion(
                id=question_id,
                number=number,
                prompt=value["prompt"],
                choices=tuple(
                    GradedChoice(
                        id=key, text=choice["text"], is_correct=bool(choice["is_correct"]), chosen=key in chosen
                    )
                    for key, choice in choices
                ),
                explanation=value["explanation"],
                is_right=bool(chosen) and chosen == right,
                answered=bool(chosen & keys),
            )
        )
    return GradedQuiz(questions=tuple(graded))


def quiz_answer_key(quiz, *, right: bool = True) -> dict[str, list[str]]:
    """The right answers of every question (or, with right=False, one wrong answer each).

    For tests, demo data and benchmarks only: never pass this to a template.
    """
    answers = {}
    for question_id, _number, _value, choices in _questions(quiz):
        if right:
            answers[question_id] = [key for key, choice in choices if choice["is_correct"]]
        else:
            answers[question_id] = [key for key, choice in choices if not choice["is_correct"]][:1]
    return answers
