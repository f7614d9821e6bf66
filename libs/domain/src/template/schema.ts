import { z } from 'zod';

/**
 * The yearly template as data. The zod schema checks shape (and that windows are real days of any
 * year); `validate-template.ts` adds the cross-field rules zod cannot express on its own.
 */

const nonEmpty = z.string().trim().min(1);

export const titleSchema = z.object({ id: nonEmpty, en: nonEmpty });

const provenanceSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('seed'), cite: nonEmpty }),
  z.object({ source: z.literal('assumed'), note: nonEmpty }),
]);

function sourced<T extends z.ZodType>(inner: T) {
  return z.discriminatedUnion('source', [
    z.object({ value: inner, source: z.literal('seed'), cite: nonEmpty }),
    z.object({ value: inner, source: z.literal('assumed'), note: nonEmpty }),
  ]);
}

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A day of the year as month/day, resolved against a concrete year later. `last` means the last
 * day of the month, which is how "Januari-Februari" must be written so that it ends on 29 February
 * in a leap year; a fixed 29 February is rejected because it does not exist in every year.
 */
export const monthDaySchema = z
  .object({
    month: z.number().int().min(1).max(12),
    day: z.union([z.number().int().min(1).max(31), z.literal('last')]),
  })
  .superRefine((md, ctx) => {
    const max = daysInMonth[md.month - 1] ?? 31;
    if (md.day !== 'last' && md.day > max) {
      ctx.addIssue({
        code: 'custom',
        path: ['day'],
        message: `day ${md.day} does not exist in month ${md.month} of every year (max ${max}; use "last")`,
      });
    }
  });

function dayOfYearOrder(md: z.infer<typeof monthDaySchema>): number {
  return md.month * 100 + (md.day === 'last' ? 31 : md.day);
}

/** A window inside one calendar year, both ends inclusive. */
export const windowSchema = z.object({ start: monthDaySchema, end: monthDaySchema }).superRefine((w, ctx) => {
  if (dayOfYearOrder(w.start) > dayOfYearOrder(w.end)) {
    ctx.addIssue({
      code: 'custom',
      path: ['end'],
      message: 'window ends before it starts; a window must lie inside one calendar year',
    });
  }
});

/**
 * How long a stage may take once it can start. Data, not code, so tests can run a template with
 * compressed time (see `durationMillis`).
 */
export const durationSchema = z.object({
  amount: z.number().int().positive(),
  unit: z.enum(['workingDays', 'calendarDays']),
});

export const recurrenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('once') }),
  z.object({ kind: z.literal('times'), times: z.number().int().min(2) }),
  z.object({ kind: z.literal('monthly'), times: z.number().int().min(1).optional() }),
]);

export const deliverableSchema = z.object({
  code: nonEmpty,
  /** document, data table, signature (a signed decree or commitment), meeting minutes. */
  kind: z.enum(['document', 'dataTable', 'signature', 'minutes']),
  title: titleSchema,
  provenance: provenanceSchema,
});

/**
 * `requires`: must be complete in this cycle before the stage starts. `conditional`: only when the
 * condition holds (e.g. data missing). `previousCycle`: uses last year's result; never blocks.
 */
export const dependencySchema = z.object({
  on: nonEmpty,
  kind: z.enum(['requires', 'conditional', 'previousCycle']),
  condition: nonEmpty.optional(),
  provenance: provenanceSchema,
});

/** Workflow facts a stage establishes; the semester report derives indicators from them. */
export const milestoneSchema = z.enum(['auditTeamFormed', 'auditHeld', 'followUpPlanned', 'disseminated', 'reported']);

export const stageSchema = z.object({
  code: nonEmpty,
  order: z.number().int().positive(),
  title: titleSchema,
  /** `event`: a meeting that happens on one day (the Rembuk); `task`: work with a due date. */
  kind: z.enum(['task', 'event']),
  owner: sourced(nonEmpty),
  participants: sourced(z.array(nonEmpty)),
  deliverables: z.array(deliverableSchema),
  duration: sourced(durationSchema),
  window: sourced(windowSchema).optional(),
  recurrence: sourced(recurrenceSchema).optional(),
  condition: sourced(nonEmpty).optional(),
  milestones: z.array(milestoneSchema).optional(),
  dependsOn: z.array(dependencySchema),
  provenance: provenanceSchema,
});

export const actionSchema = z.object({
  code: nonEmpty,
  number: z.number().int().min(1).max(8),
  title: titleSchema,
  /** The guide's full name of the action (004, diagram of the eight actions). */
  fullTitle: titleSchema,
  responsible: sourced(nonEmpty),
  delegatedTo: sourced(nonEmpty).optional(),
  window: sourced(windowSchema),
  stages: z.array(stageSchema).min(1),
  outputs: sourced(z.array(titleSchema).min(1)),
  dependsOn: z.array(dependencySchema),
});

export const aksRoundSchema = z.object({ round: z.number().int().positive(), window: windowSchema });

export const aksTemplateSchema = z.object({
  code: nonEmpty,
  title: titleSchema,
  responsible: sourced(nonEmpty),
  rounds: sourced(z.array(aksRoundSchema).min(1)),
  stages: z.array(stageSchema).min(1),
  provenance: provenanceSchema,
});

export const calendarItemSchema = z.object({
  code: nonEmpty,
  title: titleSchema,
  owner: sourced(nonEmpty),
  participants: sourced(z.array(nonEmpty)),
  windows: sourced(z.array(windowSchema).min(1)),
  recurrence: sourced(recurrenceSchema),
  /** An action or AKS template that already schedules this item, so it is not run twice. */
  relatesTo: nonEmpty.optional(),
  provenance: provenanceSchema,
});

export const yearlyTemplateSchema = z.object({
  id: nonEmpty,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version must be semantic (MAJOR.MINOR.PATCH)'),
  title: titleSchema,
  actions: z.array(actionSchema),
  aks: z.array(aksTemplateSchema),
  calendar: z.array(calendarItemSchema),
});

export type MonthDay = z.infer<typeof monthDaySchema>;
export type Window = z.infer<typeof windowSchema>;
export type Duration = z.infer<typeof durationSchema>;
export type Recurrence = z.infer<typeof recurrenceSchema>;
export type Deliverable = z.infer<typeof deliverableSchema>;
export type Dependency = z.infer<typeof dependencySchema>;
export type Milestone = z.infer<typeof milestoneSchema>;
export type Stage = z.infer<typeof stageSchema>;
export type Action = z.infer<typeof actionSchema>;
export type AksRound = z.infer<typeof aksRoundSchema>;
export type AksTemplate = z.infer<typeof aksTemplateSchema>;
export type CalendarItem = z.infer<typeof calendarItemSchema>;
export type YearlyTemplate = z.infer<typeof yearlyTemplateSchema>;
