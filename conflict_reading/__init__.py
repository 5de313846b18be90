"""Reading Conflict Reporting: read Indonesian war and terrorism news critically.

The public API, used by the notebooks:

>>> from conflict_reading import load_article
>>> load_article().summary()["paragraphs"]
25
"""

from .article import Article, available_articles, load_article
from .errors import ArticleError, KitError

__all__ = ["Article", "ArticleError", "KitError", "available_articles", "load_article"]
__version__ = "0.1.0"
