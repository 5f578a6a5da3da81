"""The web explorer (`gestae serve`): pages and a JSON API over an event store.

`gestae.web.app.create_app(db)` builds the application; docs/web.md describes the pages, the
API and the security rules. FastAPI is imported only when the explorer is used.
"""
