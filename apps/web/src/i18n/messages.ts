/**
 * The message catalogue: every string the web app shows. Bahasa Indonesia is the default;
 * English is available. A key missing from `en` falls back to Indonesian.
 */
export const messages = {
  id: {
    appTitle: 'Konvergensi Percepatan Penurunan Stunting',
    systemStatus: 'Status sistem',
    serviceUp: 'berjalan',
    serviceDown: 'tidak tersedia',
    postgres: 'Basis data',
    temporal: 'Mesin alur kerja',
    smtp: 'Server surel',
    loading: 'Memuat…',
    loadFailed: 'Status sistem tidak dapat dimuat.',
    apiDocs: 'Dokumentasi API',
    checkedAt: 'Diperiksa pada',
    language: 'Bahasa',
  },
  en: {
    appTitle: 'Stunting Reduction Convergence',
    systemStatus: 'System status',
    serviceUp: 'up',
    serviceDown: 'unavailable',
    postgres: 'Database',
    temporal: 'Workflow engine',
    smtp: 'Mail server',
    loading: 'Loading…',
    loadFailed: 'System status could not be loaded.',
    apiDocs: 'API documentation',
    checkedAt: 'Checked at',
    language: 'Language',
  },
} as const;

export type Locale = keyof typeof messages;
export type MessageKey = keyof (typeof messages)['id'];

export function translate(locale: Locale, key: MessageKey): string {
  const catalogue: Partial<Record<MessageKey, string>> = messages[locale];
  return catalogue[key] ?? messages.id[key];
}

/** Dates the Indonesian way, in the given zone: "22 November 2026 pukul 20.23". */
export function formatDateTime(locale: Locale, instant: Date, timeZone = 'Asia/Jakarta'): string {
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(instant);
}
