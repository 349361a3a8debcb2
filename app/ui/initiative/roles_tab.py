"""Roles (projektejer, projektleder, gevinstejer, systemejer), strategic goals and
external requirements of an initiative."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from app.services.initiative_detail import InitiativeDetail
from app.ui.context import ViewContext
from app.ui.initiative.base import CheckList, EditorTab

ROLES = ("project_owner", "project_manager", "benefit_owner", "system_owner")


class RolesTab(EditorTab):
    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        titles = {"project_owner": self.tr("Project owner"),
                  "project_manager": self.tr("Project manager"),
                  "benefit_owner": self.tr("Benefit owner"),
                  "system_owner": self.tr("System owner")}
        roles_box = QGroupBox(self.tr("Roles"))
        form = QFormLayout(roles_box)
        self.role_edits: dict[str, QLineEdit] = {}
        for name in ROLES:
            edit = QLineEdit()
            edit.editingFinished.connect(
                lambda n=name, e=edit: self.set_field(n, e.text().strip()))
            self.role_edits[name] = edit
            form.addRow(titles[name], edit)
        goals_box = QGroupBox(self.tr("Strategic goals supported"))
        self.goals = CheckList()
        QVBoxLayout(goals_box).addWidget(self.goals)
        req_box = QGroupBox(self.tr("External requirements met"))
        self.requirements = CheckList()
        QVBoxLayout(req_box).addWidget(self.requirements)
        self.goals.changed.connect(lambda ids: self.set_field("goal_ids", ids))
        self.requirements.changed.connect(lambda ids: self.set_field("requirement_ids", ids))
        layout = QHBoxLayout(self)
        layout.addWidget(roles_box, 2)
        layout.addWidget(goals_box, 2)
        layout.addWidget(req_box, 3)

    def show_detail(self, detail: InitiativeDetail) -> None:
        for name, edit in self.role_edits.items():
            edit.setText(detail.fields[name])
        self.goals.fill([(g, f"{code} {title}") for g, code, title in detail.goals],
                        set(detail.fields["goal_ids"]))
        obliging = self.tr("obliges local work")
        self.requirements.fill(
            [(r, f"{code} {title}" + (f" ({obliging})" if obl else ""))
             for r, code, title, obl in detail.requirements],
            set(detail.fields["requirement_ids"]))
