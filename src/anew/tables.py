"""Every table Anew has, known to the ORM at once: the model modules of every area (and the
listeners that move her data version when any of them changes), and the session factory that
needs them all. Kept apart from anew.db, which every model module imports."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker


def load_models() -> None:
    """Import every model module so Base.metadata knows all tables."""
    from anew import data_version as _data_version  # noqa: F401 - its listeners, not a model
    from anew import ratelimit as _ratelimit  # noqa: F401
    from anew.accounts import models as _accounts  # noqa: F401
    from anew.calendar import models as _calendar  # noqa: F401
    from anew.chats import models as _chats  # noqa: F401
    from anew.guide import models as _guide  # noqa: F401
    from anew.insights import models as _insights  # noqa: F401
    from anew.journal import models as _journal  # noqa: F401
    from anew.method.best_self import models as _best_self  # noqa: F401
    from anew.method.new_look import models as _new_look  # noqa: F401
    from anew.method.new_you import models as _new_you  # noqa: F401
    from anew.method.no_contact import models as _no_contact  # noqa: F401
    from anew.notifications import models as _notifications  # noqa: F401
    from anew.push import models as _push  # noqa: F401
    from anew.quizzes import models as _quizzes  # noqa: F401
    from anew.safety import models as _safety  # noqa: F401
    from anew.sent_once import models as _sent_once  # noqa: F401


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """A session factory whose objects stay readable after commit, and whose writes move the
    owner's data version on (anew.data_version, which hooks into every session)."""
    load_models()
    return sessionmaker(bind=engine, expire_on_commit=False)
