import { aksFiveStage, aksWithMonitoring } from './aks';
import { aksi1, aksi2, aksi3 } from './aksi-1-3';
import { aksi4, aksi5, aksi6, aksi7, aksi8 } from './aksi-4-8';
import { type YearlyTemplate } from './schema';
import { tppsCalendar } from './tpps-calendar';

/**
 * The national default template: Aksi 1-8, both AKS variants and the TPPS calendar. A regency
 * copies it, overrides what it does differently (typically the assumed fields, and Aksi 3's month)
 * and bumps the version; `parseTemplate` checks the result.
 */
export const nationalTemplate: YearlyTemplate = {
  id: 'konvergensi-nasional',
  version: '1.0.0',
  title: {
    id: 'Delapan Aksi Konvergensi, Audit Kasus Stunting dan agenda TPPS',
    en: 'Eight convergence actions, stunting case audit and TPPS agenda',
  },
  actions: [aksi1, aksi2, aksi3, aksi4, aksi5, aksi6, aksi7, aksi8],
  aks: [aksFiveStage, aksWithMonitoring],
  calendar: tppsCalendar,
};
