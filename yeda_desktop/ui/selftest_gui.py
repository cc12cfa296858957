"""The self-test's Qt step: platform plugin, translation, bundled font, icon and a widget.

A frozen build most often breaks by missing a Qt plugin or resource, which only a
real QApplication reveals; the core steps live in `yeda_desktop.selftest`.
"""

from __future__ import annotations

import importlib

from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from yeda_desktop.selftest import SelfTestContext, SelfTestFailure, Step
from yeda_desktop.ui.app_icon import app_icon
from yeda_desktop.ui.i18n import install_language, register_cjk_font


def step_qt(_ctx: SelfTestContext) -> str:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(["yeda-desktop"])
    if install_language(app, "zh") is None:
        raise SelfTestFailure("the Chinese translation did not load")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    ok = box.buttons()[0].text()
    if ok != "确定":  # Qt's own catalogue: a build that drops it shows "OK" in Chinese dialogs
        raise SelfTestFailure(f"Qt's Chinese catalogue did not load (OK button: {ok!r})")
    family = register_cjk_font(app)
    if family is None:
        raise SelfTestFailure("the bundled CJK font did not load")
    icon = app_icon()
    if icon.isNull() or icon.pixmap(48, 48).isNull():
        raise SelfTestFailure("the application icon did not load")
    label = QLabel("两新组织扫楼登记")
    label.setWindowIcon(icon)
    label.show()
    app.processEvents()
    shown = label.isVisible()
    label.close()
    if not shown:
        raise SelfTestFailure("a widget could not be shown")
    return f"platform {app.platformName()}, font {family}, translation zh_CN (app and Qt), icon ok"


# The modules the window loads on first use, beside its views (window_views.VIEW_MODULES):
# a build that leaves out a Qt module they need (QtCharts, QtPdf, QtPrintSupport) starts
# and passes the step above, then fails at the statistics tab or the print preview.
FIRST_USE_MODULES = (
    "yeda_desktop.ui.print_actions",
    "yeda_desktop.ui.print_preview",
    "yeda_desktop.ui.excel_import_dialog",
)


def window_modules() -> tuple[str, ...]:
    """The window itself, the views it loads after it shows, and what it loads on use."""
    from yeda_desktop.ui.window_views import VIEW_MODULES

    return ("yeda_desktop.ui.main_window", *VIEW_MODULES, *FIRST_USE_MODULES)


def step_window_modules(_ctx: SelfTestContext) -> str:
    names = window_modules()
    missing = []
    for name in names:
        try:
            importlib.import_module(name)
        except ImportError as exc:
            missing.append(f"{name}: {exc}")
    if missing:
        raise SelfTestFailure("window modules do not load: " + "; ".join(missing))
    return f"{len(names)} modules (views, charts, print preview, printing)"


QT_STEPS: list[tuple[str, Step]] = [
    ("Qt: platform, translation, font, icon", step_qt),
    ("window: views, charts, print preview", step_window_modules),
]
