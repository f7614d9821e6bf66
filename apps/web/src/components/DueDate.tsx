import { useApp } from '../lib/app-context';
import { duePhrase, formatDateTimeShort } from '../lib/format';

/** The due instant in the regency's local time with its phrase: "3 hari kerja lagi". */
export function DueDate({ dueAt, closed }: { dueAt: string; closed: boolean }) {
  const { locale, t, timeZone, holidays } = useApp();
  const phrase = duePhrase(locale, dueAt, new Date(), { timeZone, closed, holidays });
  return (
    <span className="due">
      <span className="muted">{t('dueLabel')}</span>{' '}
      <time dateTime={dueAt}>{formatDateTimeShort(locale, dueAt, timeZone)}</time>{' '}
      <span className={`due-phrase due-${phrase.state}`}>{phrase.text}</span>
    </span>
  );
}
