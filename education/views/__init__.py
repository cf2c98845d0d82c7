"""Views of the education app: learner accounts, learning pages and certificates."""
