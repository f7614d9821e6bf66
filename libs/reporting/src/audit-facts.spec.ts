import { auditFactsFrom, auditStages } from './audit-facts';
import { integrationMatrix } from './planned-activities';

describe('auditFactsFrom', () => {
  it('returns nothing when no audit of the period is recorded, so the report shows gaps rather than zeros', () => {
    expect(auditFactsFrom([], 2)).toBeUndefined();
    expect(
      auditFactsFrom([{ semester: 2, templateCode: 'AKS', currentStage: 'AKS.T2', status: 'in_progress' }], 1),
    ).toBeUndefined();
  });

  it("counts the second semester's report over both audits of the year", () => {
    const facts = auditFactsFrom(
      [
        { semester: 1, templateCode: 'AKS', currentStage: null, status: 'done' },
        { semester: 2, templateCode: 'AKS', currentStage: 'AKS.T4', status: 'in_progress' },
      ],
      2,
    );
    expect(facts).toEqual({ hasAuditTeam: true, auditsHeld: 2, auditsFollowedUp: 1, auditsDisseminated: 1 });
  });

  it('takes milestones the workflow recorded explicitly, also for the SOP variant', () => {
    const facts = auditFactsFrom(
      [
        {
          semester: 1,
          templateCode: 'AKS_SOP',
          currentStage: null,
          status: 'running',
          milestones: ['auditHeld', 'followUpPlanned'],
        },
      ],
      1,
    );
    expect(facts).toMatchObject({ auditsHeld: 1, auditsFollowedUp: 1, auditsDisseminated: 0 });
  });

  it('reads an unknown template as no stage done instead of failing', () => {
    expect(auditStages({ semester: 1, templateCode: 'LAIN', currentStage: 'X', status: 'done' })).toEqual([]);
    expect(auditFactsFrom([{ semester: 1, templateCode: 'LAIN', currentStage: 'X', status: 'done' }], 1)).toEqual({
      hasAuditTeam: false,
      auditsHeld: 0,
      auditsFollowedUp: 0,
      auditsDisseminated: 0,
    });
  });
});

describe('integrationMatrix', () => {
  it('answers zero totals for every funding source and document when nothing is planned', () => {
    const matrix = integrationMatrix([]);
    expect(matrix.units).toEqual([]);
    expect(matrix.total.budget).toBe(0);
    expect(Object.values(matrix.total.budgetBySource)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(matrix.total.documents.kuaPpas).toEqual({ included: 0, includedBudget: 0, proposed: 0 });
  });
});
