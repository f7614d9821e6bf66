import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@konvergensi/config';
import type { AksStagePlan } from '@konvergensi/contracts';
import {
  aksStageRequirements,
  dueAfter,
  isWorkingDay,
  localDateOf,
  nationalTemplate,
  nextWorkingDay,
  type AksTemplate,
  type IndonesianTimeZone,
} from '@konvergensi/domain';
import type { RegionRecord } from '@konvergensi/persistence';
import { ApiError } from '../common/api-error';
import { TaskScheduler } from '../tasks/task-scheduler.service';
import { APP_CONFIG } from '../tokens';

export const aksTemplates: readonly AksTemplate[] = nationalTemplate.aks;

export function findAksTemplate(code: string): AksTemplate | undefined {
  return aksTemplates.find((t) => t.code === code);
}

/**
 * Resolves an AKS template (data) into the stages the workflow walks: each stage's requirements
 * from its deliverables, and its planned due day chained from today in the regency's working-day
 * calendar. The due instant and the reminder come from the same scheduler as task deadlines (the
 * regency's ladder: the first reminder rung), compressed in tests; a monitoring stage gets its
 * month length in the same compressed time.
 */
@Injectable()
export class AksPlanner {
  constructor(
    private readonly scheduler: TaskScheduler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async plan(regency: RegionRecord, templateCode: string, now = new Date()): Promise<AksStagePlan[]> {
    const template = findAksTemplate(templateCode);
    if (!template)
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'AKS_TEMPLATE_NOT_FOUND',
        `Templat AKS ${templateCode} tidak dikenal. Pilih salah satu: ${aksTemplates.map((t) => t.code).join(', ')}.`,
      );
    const zone = (regency.timeZone ?? 'Asia/Jakarta') as IndonesianTimeZone;
    const { rules } = await this.scheduler.calendar(regency.code);
    const dayMillis = (this.config.TIME_COMPRESSION_SECONDS_PER_DAY ?? 86_400) * 1000;
    let start = localDateOf(now, zone);
    const plans: AksStagePlan[] = [];
    for (const stage of [...template.stages].sort((a, b) => a.order - b.order)) {
      const end = dueAfter(start, stage.duration.value, rules);
      const due = isWorkingDay(end, rules) ? end : nextWorkingDay(end, rules);
      const schedule = await this.scheduler.scheduleFor(regency, due, now);
      const recurrence = stage.recurrence?.value;
      const months = recurrence?.kind === 'monthly' ? (recurrence.times ?? 1) : 0;
      plans.push({
        code: stage.code,
        order: stage.order,
        title: stage.title.id,
        ownerRole: stage.owner.value,
        requirements: aksStageRequirements(
          stage.deliverables.map((d) => ({ code: d.code, kind: d.kind, title: d.title.id })),
          months,
        ),
        milestones: [...(stage.milestones ?? [])],
        dueAt: schedule.dueAt,
        reminderAt: schedule.steps.find((s) => s.kind === 'reminder')?.at ?? schedule.dueAt,
        ...(months > 0 ? { monitoring: { months, monthMillis: 30 * dayMillis } } : {}),
      });
      start = due;
    }
    return plans;
  }
}
