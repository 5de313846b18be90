"""Reading Conflict Reporting: read Indonesian war and terrorism news critically.

The public API, used by the notebooks:

>>> from conflict_reading import load_article, check
>>> load_article().summary()["paragraphs"]
25
>>> check("00-paragraphs", "dua puluh lima", record=False).passed
True
"""

from .article import Article, available_articles, load_article
from .checks import check, exercises, hint, instructor_mode, solution
from .errors import ArticleError, KitError
from .feedback import Feedback
from .learner import progress, reflect
from .self_checks import self_check
from .presenter import presenter_mode

__all__ = [
    "Article", "ArticleError", "Feedback", "KitError", "available_articles", "check",
    "exercises", "hint", "instructor_mode", "load_article", "presenter_mode", "progress", "reflect", "self_check",
    "solution",
]
__version__ = "0.1.0"
