"""Grading on the server, and the quiz view model that reaches templates."""

import pytest

from education.factories import ModulePageFactory, quiz_data, right_answers
from education.quiz import answers_from_post, quiz_answer_key, quiz_grade, quiz_questions

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(course_tree):
    return course_tree.modules[0]


def test_all_right_answers_score_100(module):
    """Choosing exactly the right answers to every question scores 100 %."""
    graded = quiz_grade(module.quiz, right_answers("m1"))
    assert (graded.correct_count, graded.question_count, graded.score) == (2, 2, 100)


def test_all_wrong_answers_score_0(module):
    """Wrong choices everywhere score 0 %."""
    graded = quiz_grade(module.quiz, {"m1-1": ["m1-1b"], "m1-2": ["m1-2c"]})
    assert graded.score == 0
    assert all(q.answered and not q.is_right for q in graded.questions)


def test_missing_answers_count_as_wrong(module):
    """An unanswered question is wrong and marked as not answered."""
    graded = quiz_grade(module.quiz, {"m1-1": ["m1-1a"]})
    assert graded.score == 50
    assert [q.answered for q in graded.questions] == [True, False]


def test_several_right_answers_need_exactly_that_set(module):
    """With two right answers, choosing one of them, or both plus a wrong one, is wrong."""
    assert not quiz_grade(module.quiz, {"m1-2": ["m1-2a"]}).questions[1].is_right
    assert not quiz_grade(module.quiz, {"m1-2": ["m1-2a", "m1-2b", "m1-2c"]}).questions[1].is_right
    assert quiz_grade(module.quiz, {"m1-2": ["m1-2b", "m1-2a"]}).questions[1].is_right


def test_foreign_choice_ids_make_the_question_wrong(module):
    """A choice key from another question, or an invented one, never counts as right."""
    tampered = {"m1-1": ["m1-1a", "m1-2a"], "m1-2": ["m1-2a", "m1-2b", "x" * 500]}
    graded = quiz_grade(module.quiz, tampered)
    assert graded.score == 0


def test_choice_from_another_question_alone_is_wrong(module):
    """Sending the other question's right key as the answer is wrong."""
    assert quiz_grade(module.quiz, {"m1-1": ["m1-2a"]}).score == 0


def test_answers_meant_for_another_module_are_ignored(course_tree):
    """Module 3's right answers submitted to module 1 answer nothing there."""
    graded = quiz_grade(course_tree.modules[0].quiz, right_answers("m3"))
    assert graded.score == 0
    assert not any(q.answered for q in graded.questions)


def test_malformed_answers_do_not_break_grading(module):
    """Odd shapes (a string, None, a number, huge lists) are graded, not crashed on."""
    graded = quiz_grade(module.quiz, {"m1-1": "m1-1a", "m1-2": None, "other": 7})
    assert graded.score == 50
    many = quiz_grade(module.quiz, {"m1-1": ["m1-1a"] * 10_000})
    assert many.questions[0].is_right


def test_view_model_has_no_right_answers_or_explanations(module):
    """What templates get holds prompts and choices only."""
    questions = quiz_questions(module.quiz)
    assert [q.id for q in questions] == ["m1-1", "m1-2"]
    assert [q.multiple for q in questions] == [False, True]
    for question in questions:
        assert not hasattr(question, "explanation")
        for choice in question.choices:
            assert set(vars(choice)) == {"id", "text"}


def test_answers_from_post_reads_only_quiz_fields(rf):
    """Only q-<id> fields are read, every value kept for checkbox questions."""
    request = rf.post("/", {"q-m1-1": "m1-1a", "q-m1-2": ["m1-2a", "m1-2b"], "csrfmiddlewaretoken": "x"})
    assert answers_from_post(request.POST) == {"m1-1": ["m1-1a"], "m1-2": ["m1-2a", "m1-2b"]}


def test_snapshot_keeps_what_was_asked_and_chosen(module):
    """The attempt snapshot has prompts, choices, chosen and right marks, and explanations."""
    snapshot = quiz_grade(module.quiz, {"m1-1": ["m1-1b"]}).as_snapshot()
    first = snapshot[0]
    assert first["prompt"] == "¿Qué término se usa?"
    assert first["explanation"].startswith("Si hay")
    assert [(c["id"], c["chosen"], c["is_correct"]) for c in first["choices"]] == [
        ("m1-1a", False, True),
        ("m1-1b", True, False),
        ("m1-1c", False, False),
    ]


def test_answer_key_helper_matches_grading(course_tree):
    """quiz_answer_key (tests and demo data only) gives full marks, or none with right=False."""
    quiz = course_tree.modules[2].quiz
    assert quiz_grade(quiz, quiz_answer_key(quiz)).score == 100
    assert quiz_grade(quiz, quiz_answer_key(quiz, right=False)).score == 0


def test_module_without_questions_scores_100(course_tree):
    """A reading-only module is passed by confirming it was read."""
    module = ModulePageFactory(parent=course_tree.course, quiz=[])
    assert quiz_grade(module.quiz, {}).score == 100
    assert quiz_data("x")[0]["id"] == "x-1"
