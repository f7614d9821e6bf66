import type { DataSource, EntityManager } from 'typeorm';
import { EscalationSettingRecord, HolidayOverrideRecord } from '../entities/regency-settings.entity';
import { RegionRecord } from '../entities/region.entity';

/**
 * What a regency's calendar is made of, as stored: its time zone, holiday overrides and escalation
 * ladder. libs/domain's `regencyCalendar` turns it into working-day rules; the API and the worker
 * both read it here so they compute the same deadlines.
 */
export async function loadRegencyCalendarSettings(db: DataSource | EntityManager, regencyCode: string) {
  const [region, overrides, setting] = await Promise.all([
    db.getRepository(RegionRecord).findOneBy({ code: regencyCode }),
    db.getRepository(HolidayOverrideRecord).findBy({ regencyCode }),
    db.getRepository(EscalationSettingRecord).findOneBy({ regencyCode }),
  ]);
  return {
    timeZone: region?.timeZone ?? null,
    overrides: overrides.map((o) => ({ date: o.date, kind: o.kind, name: o.name })),
    ladder: setting?.ladder,
  };
}
