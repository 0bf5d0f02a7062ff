"""The scoring sheet (演练评估表) and the after-action report (演练总结报告).

Documents are built from core results as HTML and laid out by Qt's text engine onto
any paged device: a PDF file or a printer, so the preview, the print and the PDF are
the same pages.  Uses QtGui, never QtWidgets; the print dialogs live in drill_app/ui.
"""
