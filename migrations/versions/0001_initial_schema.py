"""Schema of Prioritise 0.1, the first release: initiatives, units, goals, external
requirements, criteria and weights, assessments, business-case lines (likely amounts only),
dependencies, scenarios with total or yearly frames, and the audit log.

Frozen: never edit a released revision; add a new one. It imports nothing from app.models,
so it keeps describing the 0.1 schema however the models change.

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('external_requirement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('source_type', sa.String(length=30), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('obliges_local_work', sa.Boolean(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('url', sa.String(length=500), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_external_requirement')),
    sa.UniqueConstraint('code', name=op.f('uq_external_requirement_code'))
    )
    op.create_table('org_unit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['org_unit.id'], name=op.f('fk_org_unit_parent_id_org_unit'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_org_unit')),
    sa.UniqueConstraint('code', name=op.f('uq_org_unit_code'))
    )
    op.create_table('portfolio_settings',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('municipality', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('price_base_year', sa.Integer(), nullable=False),
    sa.Column('budget_year', sa.Integer(), nullable=False),
    sa.Column('discount_rate', sa.Float(), nullable=False),
    sa.Column('horizon_years', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_portfolio_settings'))
    )
    op.create_table('strategic_goal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_strategic_goal')),
    sa.UniqueConstraint('code', name=op.f('uq_strategic_goal_code'))
    )
    op.create_table('weight_set',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('budget_year', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('adopted_on', sa.Date(), nullable=True),
    sa.Column('adopted_by', sa.String(length=200), nullable=False),
    sa.Column('based_on_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['based_on_id'], ['weight_set.id'], name=op.f('fk_weight_set_based_on_id_weight_set'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_weight_set'))
    )
    op.create_table('criterion',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('lower_is_better', sa.Boolean(), nullable=False),
    sa.Column('anchor_low', sa.Float(), nullable=True),
    sa.Column('anchor_high', sa.Float(), nullable=True),
    sa.Column('unit_label', sa.String(length=40), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['criterion.id'], name=op.f('fk_criterion_parent_id_criterion'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_criterion')),
    sa.UniqueConstraint('key', name=op.f('uq_criterion_key')),
    sa.UniqueConstraint('name', name=op.f('uq_criterion_name'))
    )
    op.create_table('initiative',
    sa.Column('id', sa.String(length=80), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('lead_unit_id', sa.Integer(), nullable=True),
    sa.Column('phase', sa.String(length=20), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('audience', sa.String(length=20), nullable=False),
    sa.Column('maturity_level', sa.String(length=30), nullable=True),
    sa.Column('project_owner', sa.String(length=200), nullable=False),
    sa.Column('project_manager', sa.String(length=200), nullable=False),
    sa.Column('benefit_owner', sa.String(length=200), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('mandatory', sa.Boolean(), nullable=False),
    sa.Column('confidential', sa.Boolean(), nullable=False),
    sa.Column('financing', sa.String(length=100), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['lead_unit_id'], ['org_unit.id'], name=op.f('fk_initiative_lead_unit_id_org_unit'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_initiative'))
    )
    op.create_table('scenario',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('weight_set_id', sa.Integer(), nullable=True),
    sa.Column('objective', sa.String(length=10), nullable=False),
    sa.Column('is_what_if', sa.Boolean(), nullable=False),
    sa.Column('is_default', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['weight_set_id'], ['weight_set.id'], name=op.f('fk_scenario_weight_set_id_weight_set'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scenario')),
    sa.UniqueConstraint('name', name=op.f('uq_scenario_name'))
    )
    op.create_table('assessment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('initiative_id', sa.String(length=80), nullable=False),
    sa.Column('criterion_id', sa.Integer(), nullable=False),
    sa.Column('assessor', sa.String(length=20), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('assessed_by', sa.String(length=200), nullable=False),
    sa.Column('assessed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['criterion_id'], ['criterion.id'], name=op.f('fk_assessment_criterion_id_criterion'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiative.id'], name=op.f('fk_assessment_initiative_id_initiative'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment')),
    sa.UniqueConstraint('initiative_id', 'criterion_id', 'assessor', name=op.f('uq_assessment_initiative_id'))
    )
    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user', sa.String(length=200), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('entity', sa.String(length=60), nullable=False),
    sa.Column('entity_id', sa.String(length=200), nullable=False),
    sa.Column('initiative_id', sa.String(length=80), nullable=True),
    sa.Column('field', sa.String(length=100), nullable=False),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.Column('context', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index('ix_audit_entry_initiative', ['initiative_id'], unique=False)

    op.create_table('budget_frame',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scenario_id', sa.Integer(), nullable=False),
    sa.Column('budget_year', sa.Integer(), nullable=True),
    sa.Column('frame_type', sa.String(length=10), nullable=False),
    sa.Column('amount', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['scenario_id'], ['scenario.id'], name=op.f('fk_budget_frame_scenario_id_scenario'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_budget_frame'))
    )
    op.create_table('business_case_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('initiative_id', sa.String(length=80), nullable=False),
    sa.Column('flow', sa.String(length=10), nullable=False),
    sa.Column('budget_year', sa.Integer(), nullable=True),
    sa.Column('line_type', sa.String(length=10), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('financing', sa.String(length=100), nullable=False),
    sa.Column('amount', sa.Float(), nullable=False),
    sa.Column('cash', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.CheckConstraint("flow <> 'cost' OR amount >= 0", name=op.f('ck_business_case_line_cost_not_negative')),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiative.id'], name=op.f('fk_business_case_line_initiative_id_initiative'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_business_case_line'))
    )
    op.create_table('criterion_level',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('criterion_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=60), nullable=False),
    sa.Column('guide', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['criterion_id'], ['criterion.id'], name=op.f('fk_criterion_level_criterion_id_criterion'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_criterion_level')),
    sa.UniqueConstraint('criterion_id', 'level', name=op.f('uq_criterion_level_criterion_id'))
    )
    op.create_table('dependency',
    sa.Column('initiative_id', sa.String(length=80), nullable=False),
    sa.Column('requires_id', sa.String(length=80), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiative.id'], name=op.f('fk_dependency_initiative_id_initiative'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['requires_id'], ['initiative.id'], name=op.f('fk_dependency_requires_id_initiative'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('initiative_id', 'requires_id', name=op.f('pk_dependency'))
    )
    op.create_table('field_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('initiative_id', sa.String(length=80), nullable=False),
    sa.Column('field', sa.String(length=100), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiative.id'], name=op.f('fk_field_note_initiative_id_initiative'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_field_note'))
    )
    op.create_table('initiative_goal',
    sa.Column('initiative_id', sa.String(length=80), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['goal_id'], ['strategic_goal.id'], name=op.f('fk_initiative_goal_goal_id_strategic_goal'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiative.id'], name=op.f('fk_initiative_goal_initiative_id_initiative'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('initiative_id', 'goal_id', name=op.f('pk_initiative_goal'))
    )
    op.create_table('initiative_requirement',
    sa.Column('initiative_id', sa.String(length=80), nullable=False),
    sa.Column('requirement_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiative.id'], name=op.f('fk_initiative_requirement_initiative_id_initiative'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['requirement_id'], ['external_requirement.id'], name=op.f('fk_initiative_requirement_requirement_id_external_requirement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('initiative_id', 'requirement_id', name=op.f('pk_initiative_requirement'))
    )
    op.create_table('initiative_unit',
    sa.Column('initiative_id', sa.String(length=80), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiative.id'], name=op.f('fk_initiative_unit_initiative_id_initiative'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['org_unit.id'], name=op.f('fk_initiative_unit_unit_id_org_unit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('initiative_id', 'unit_id', name=op.f('pk_initiative_unit'))
    )
    op.create_table('weight',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('weight_set_id', sa.Integer(), nullable=False),
    sa.Column('criterion_id', sa.Integer(), nullable=False),
    sa.Column('percent', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['criterion_id'], ['criterion.id'], name=op.f('fk_weight_criterion_id_criterion'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['weight_set_id'], ['weight_set.id'], name=op.f('fk_weight_weight_set_id_weight_set'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_weight')),
    sa.UniqueConstraint('weight_set_id', 'criterion_id', name=op.f('uq_weight_weight_set_id'))
    )


def downgrade() -> None:
    op.drop_table('weight')
    op.drop_table('initiative_unit')
    op.drop_table('initiative_requirement')
    op.drop_table('initiative_goal')
    op.drop_table('field_note')
    op.drop_table('dependency')
    op.drop_table('criterion_level')
    op.drop_table('business_case_line')
    op.drop_table('budget_frame')
    op.drop_table('audit_entry')
    op.drop_table('assessment')
    op.drop_table('scenario')
    op.drop_table('initiative')
    op.drop_table('criterion')
    op.drop_table('weight_set')
    op.drop_table('strategic_goal')
    op.drop_table('portfolio_settings')
    op.drop_table('org_unit')
    op.drop_table('external_requirement')
