"""The web application on a luoshi register (``luoshi serve``): pages in Chinese, each with a JSON twin."""
from luoshi.web.app import create_app
from luoshi.web.settings import Settings

__all__ = ["Settings", "create_app"]
