"""Prioritise 0.2: follow-up and decisions, AHP judgements, scenario choices, ranges.

New tables: pairwise_judgement, scenario_force, exclusion_group/-member, decision,
success_criterion, measurement. New columns: status-light thresholds, the size threshold
for a full business case and the logo on the settings; a criterion's strategic goal;
the initiative's system owner, baseline end date, "outside the frame", own business-case
parameters and status override; low/high amounts, årsværk, benefit kind, beneficiary and
giving unit on business-case lines; capacity and "based on" on scenarios; per-unit budget
frames; the scenario of an audit entry; the no-self-dependency check.

NOT NULL columns are added with a server default so existing rows get a value, then the
default is dropped (the models give defaults in Python). On SQLite the second step and
every new foreign key or check rebuild the table (batch mode); the caller runs this with
foreign keys off and checks them afterwards (app/services/migrate.py).

Frozen: never edit a released revision; add a new one.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

#: (table, column, type, server default for existing rows) of new NOT NULL columns
_NOT_NULL = (
    ("portfolio_settings", "cost_overrun_amber", sa.Float(), "0.05"),
    ("portfolio_settings", "cost_overrun_red", sa.Float(), "0.1"),
    ("portfolio_settings", "delay_amber_months", sa.Float(), "1.0"),
    ("portfolio_settings", "delay_red_months", sa.Float(), "3.0"),
    ("portfolio_settings", "full_business_case_threshold", sa.Float(), "10000000.0"),
    ("initiative", "system_owner", sa.String(length=200), ""),
    ("initiative", "outside_frame", sa.Boolean(), sa.false()),
    ("initiative", "status_comment", sa.Text(), ""),
    ("business_case_line", "derived_operating", sa.Boolean(), sa.false()),
)

#: (table, column, type) of new nullable columns
_NULLABLE = (
    ("portfolio_settings", "logo_png", sa.LargeBinary()),
    ("criterion", "goal_id", sa.Integer()),
    ("initiative", "baseline_end_date", sa.Date()),
    ("initiative", "discount_rate", sa.Float()),
    ("initiative", "horizon_years", sa.Integer()),
    ("initiative", "price_base_year", sa.Integer()),
    ("initiative", "full_business_case", sa.Boolean()),
    ("initiative", "status_override", sa.String(length=10)),
    ("business_case_line", "amount_low", sa.Float()),
    ("business_case_line", "amount_high", sa.Float()),
    ("business_case_line", "fte", sa.Float()),
    ("business_case_line", "benefit_kind", sa.String(length=30)),
    ("business_case_line", "beneficiary", sa.String(length=30)),
    ("business_case_line", "giving_unit_id", sa.Integer()),
    ("scenario", "capacity_fte", sa.Float()),
    ("scenario", "based_on_id", sa.Integer()),
    ("budget_frame", "unit_id", sa.Integer()),
    ("audit_entry", "scenario_id", sa.Integer()),
)

#: (table, column, referred table, ondelete) of new foreign keys
_FOREIGN_KEYS = (
    ("criterion", "goal_id", "strategic_goal", "SET NULL"),
    ("business_case_line", "giving_unit_id", "org_unit", "SET NULL"),
    ("scenario", "based_on_id", "scenario", "SET NULL"),
    ("budget_frame", "unit_id", "org_unit", "CASCADE"),
    ("audit_entry", "scenario_id", "scenario", "SET NULL"),
)

def upgrade() -> None:
    _new_tables()
    for table, column, type_, default in _NOT_NULL:
        op.add_column(table, sa.Column(column, type_, nullable=False, server_default=default))
    for table, column, type_ in _NULLABLE:
        op.add_column(table, sa.Column(column, type_, nullable=True))
    tables = sorted({t for t, *_ in _NOT_NULL} | {t for t, *_ in _FOREIGN_KEYS})
    for table in tables:
        with op.batch_alter_table(table) as batch:
            for t, column, _type, _default in _NOT_NULL:
                if t == table:
                    batch.alter_column(column, server_default=None)
            for t, column, referred, ondelete in _FOREIGN_KEYS:
                if t == table:
                    batch.create_foreign_key(
                        op.f(f"fk_{table}_{column}_{referred}"), referred, [column], ["id"],
                        ondelete=ondelete,
                    )
    with op.batch_alter_table("dependency") as batch:
        batch.create_check_constraint(
            op.f("ck_dependency_no_self_dependency"), "initiative_id <> requires_id"
        )


def _new_tables() -> None:
    op.create_table('decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('initiative_id', sa.String(length=80), nullable=False),
    sa.Column('outcome', sa.String(length=30), nullable=False),
    sa.Column('forum', sa.String(length=30), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('conditions', sa.Text(), nullable=False),
    sa.Column('scenario_id', sa.Integer(), nullable=True),
    sa.Column('departs_from_recommendation', sa.Boolean(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('recorded_by', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiative.id'], name=op.f('fk_decision_initiative_id_initiative'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['scenario_id'], ['scenario.id'], name=op.f('fk_decision_scenario_id_scenario'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decision'))
    )
    op.create_table('exclusion_group',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scenario_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['scenario_id'], ['scenario.id'], name=op.f('fk_exclusion_group_scenario_id_scenario'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exclusion_group'))
    )
    op.create_table('pairwise_judgement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('weight_set_id', sa.Integer(), nullable=False),
    sa.Column('parent_criterion_id', sa.Integer(), nullable=True),
    sa.Column('row_criterion_id', sa.Integer(), nullable=False),
    sa.Column('col_criterion_id', sa.Integer(), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['col_criterion_id'], ['criterion.id'], name=op.f('fk_pairwise_judgement_col_criterion_id_criterion'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['parent_criterion_id'], ['criterion.id'], name=op.f('fk_pairwise_judgement_parent_criterion_id_criterion'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['row_criterion_id'], ['criterion.id'], name=op.f('fk_pairwise_judgement_row_criterion_id_criterion'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['weight_set_id'], ['weight_set.id'], name=op.f('fk_pairwise_judgement_weight_set_id_weight_set'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pairwise_judgement')),
    sa.UniqueConstraint('weight_set_id', 'row_criterion_id', 'col_criterion_id', name=op.f('uq_pairwise_judgement_weight_set_id'))
    )
    op.create_table('scenario_force',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scenario_id', sa.Integer(), nullable=False),
    sa.Column('initiative_id', sa.String(length=80), nullable=False),
    sa.Column('mode', sa.String(length=5), nullable=False),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiative.id'], name=op.f('fk_scenario_force_initiative_id_initiative'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['scenario_id'], ['scenario.id'], name=op.f('fk_scenario_force_scenario_id_scenario'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scenario_force')),
    sa.UniqueConstraint('scenario_id', 'initiative_id', name=op.f('uq_scenario_force_scenario_id'))
    )
    op.create_table('success_criterion',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('initiative_id', sa.String(length=80), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('unit_label', sa.String(length=40), nullable=False),
    sa.Column('baseline', sa.Float(), nullable=True),
    sa.Column('baseline_date', sa.Date(), nullable=True),
    sa.Column('target_pessimistic', sa.Float(), nullable=True),
    sa.Column('target_likely', sa.Float(), nullable=True),
    sa.Column('target_optimistic', sa.Float(), nullable=True),
    sa.Column('target_date', sa.Date(), nullable=True),
    sa.Column('owner', sa.String(length=200), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiative.id'], name=op.f('fk_success_criterion_initiative_id_initiative'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_success_criterion'))
    )
    op.create_table('exclusion_member',
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('initiative_id', sa.String(length=80), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['exclusion_group.id'], name=op.f('fk_exclusion_member_group_id_exclusion_group'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiative.id'], name=op.f('fk_exclusion_member_initiative_id_initiative'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('group_id', 'initiative_id', name=op.f('pk_exclusion_member'))
    )
    op.create_table('measurement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('success_criterion_id', sa.Integer(), nullable=False),
    sa.Column('measured_on', sa.Date(), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['success_criterion_id'], ['success_criterion.id'], name=op.f('fk_measurement_success_criterion_id_success_criterion'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measurement'))
    )


def downgrade() -> None:
    with op.batch_alter_table("dependency") as batch:
        batch.drop_constraint(op.f("ck_dependency_no_self_dependency"), type_="check")
    for table, column, referred, _ondelete in _FOREIGN_KEYS:
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(op.f(f"fk_{table}_{column}_{referred}"), type_="foreignkey")
    for table, column, *_ in (*_NULLABLE, *_NOT_NULL):
        with op.batch_alter_table(table) as batch:
            batch.drop_column(column)
    for table in ("measurement", "success_criterion", "decision", "exclusion_member",
                  "exclusion_group", "scenario_force", "pairwise_judgement"):
        op.drop_table(table)
