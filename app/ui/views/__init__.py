"""The views of the main window; see ``app.ui.views.registry`` for how to add one."""
