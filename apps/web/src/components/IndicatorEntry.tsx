import { useMemo, useState, type FormEvent } from 'react';
import { api } from '../lib/api';
import { useApp } from '../lib/app-context';
import { formatNumber } from '../lib/format';
import { useResource } from '../lib/use-resource';
import {
  entryKindOf,
  fractionPreview,
  toPayload,
  validateEntry,
  type CatalogueKind,
  type EntryDraft,
} from '../lib/validation';
import { ErrorNote } from './ui';

interface StoredValues {
  values: {
    code: string;
    name: string;
    kind: string;
    achievement: { status: string; display: string };
    nationalTarget: string | null;
  }[];
}

/** One indicator of GET /api/v1/indicators/catalogue. */
export interface CatalogueIndicator {
  code: string;
  aliases: string[];
  name: string;
  kind: CatalogueKind;
  block: string;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  responsibleRole: string;
  nationalTarget: string | null;
  derived: boolean;
}

interface Catalogue {
  unit: { code: string; name: string } | null;
  indicators: CatalogueIndicator[];
}

const emptyDraft = (): EntryDraft => ({ code: '', kind: 'fraction', numerator: '', denominator: '', answer: '' });

function currentPeriod(now = new Date()): { year: number; semester: 1 | 2 } {
  return { year: now.getFullYear(), semester: now.getMonth() < 6 ? 1 : 2 };
}

/** Case- and accent-insensitive match of a search text against an indicator's codes and name. */
function matches(indicator: CatalogueIndicator, search: string): boolean {
  const fold = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  const wanted = fold(search.trim());
  if (!wanted) return true;
  return [indicator.code, indicator.name, ...indicator.aliases].some((text) => fold(text).includes(wanted));
}

/**
 * Indicator values of the semester report, chosen from the national catalogue (by default the
 * indicators the officer's unit answers for) and checked per kind as the officer types. The API
 * checks again and saves all rows or none.
 */
export function IndicatorEntry({ regencyCode }: { regencyCode: string }) {
  const { t, locale, user } = useApp();
  const [period, setPeriod] = useState(currentPeriod);
  const [ownUnitOnly, setOwnUnitOnly] = useState(!!user?.unit);
  const [drafts, setDrafts] = useState<EntryDraft[]>([emptyDraft()]);
  const [searches, setSearches] = useState<string[]>(['']);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const path = `/api/v1/regencies/${regencyCode}/indicators/${period.year}/${period.semester}`;
  const stored = useResource<StoredValues>(path);
  const catalogue = useResource<Catalogue>(
    `/api/v1/indicators/catalogue?semester=${period.semester}${ownUnitOnly ? '&unit=me' : ''}`,
  );
  const choices = useMemo(() => (catalogue.data?.indicators ?? []).filter((i) => !i.derived), [catalogue.data]);
  const byCode = useMemo(() => new Map(choices.map((i) => [i.code, i])), [choices]);

  const update = (index: number, patch: Partial<EntryDraft>) => {
    setSaved(false);
    setDrafts((list) => list.map((d, i) => (i === index ? { ...d, ...patch } : d)));
    Object.keys(patch).forEach((field) => setTouched((s) => new Set(s).add(`${index}:${field}`)));
  };
  const choose = (index: number, code: string) => {
    const indicator = byCode.get(code);
    update(index, {
      code,
      kind: indicator ? entryKindOf(indicator.kind).kind : 'fraction',
      numerator: '',
      denominator: '',
      count: '',
      percent: '',
      answer: '',
    });
    // Choosing is not typing a value: the value fields are judged once touched.
    setTouched((s) => {
      const next = new Set(s);
      ['numerator', 'denominator', 'count', 'percent', 'answer'].forEach((f) => next.delete(`${index}:${f}`));
      return next;
    });
  };

  const ratioOf = (draft: EntryDraft) => {
    const indicator = byCode.get(draft.code);
    return indicator ? entryKindOf(indicator.kind) : { kind: draft.kind, ratio: false, scale: 100 };
  };
  const allIssues = drafts.map((d) => validateEntry(d, { ratio: ratioOf(d).ratio }));
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(
      new Set(
        drafts.flatMap((_, i) =>
          ['code', 'numerator', 'denominator', 'answer', 'count', 'percent'].map((f) => `${i}:${f}`),
        ),
      ),
    );
    const payload = drafts.map(toPayload);
    if (allIssues.some((issues) => issues.length > 0) || payload.some((p) => !p)) return;
    setError(undefined);
    try {
      await api.put(path, { values: payload });
      setSaved(true);
      setDrafts([emptyDraft()]);
      setSearches(['']);
      setTouched(new Set());
      stored.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <div className="indicator-entry">
      <div className="row">
        <label className="field">
          <span>{t('year')}</span>
          <input
            type="number"
            min={2020}
            max={2100}
            value={period.year}
            onChange={(e) => setPeriod({ ...period, year: Number(e.target.value) || period.year })}
          />
        </label>
        <label className="field">
          <span>{t('semester')}</span>
          <select
            value={period.semester}
            onChange={(e) => setPeriod({ ...period, semester: e.target.value === '2' ? 2 : 1 })}
          >
            <option value="1">{t('semesterN', { n: 1 })}</option>
            <option value="2">{t('semesterN', { n: 2 })}</option>
          </select>
        </label>
      </div>
      {user?.unit && (
        <label className="check">
          <input type="checkbox" checked={ownUnitOnly} onChange={(e) => setOwnUnitOnly(e.target.checked)} />
          <span>{t('indicatorOwnUnitOnly')}</span>
        </label>
      )}
      {catalogue.error && <ErrorNote error={catalogue.error} />}
      {catalogue.data && choices.length === 0 && <p className="note note-muted">{t('indicatorCatalogueEmpty')}</p>}
      <form onSubmit={save} noValidate className="form">
        {drafts.map((draft, index) => {
          const issues = allIssues[index];
          const indicator = byCode.get(draft.code);
          const { scale } = ratioOf(draft);
          const issueOf = (field: string) =>
            touched.has(`${index}:${field}`) ? issues.find((i) => i.field === field) : undefined;
          const fieldId = (field: string) => `indicator-${index}-${field}`;
          const described = (field: string) => (issueOf(field) ? `${fieldId(field)}-error` : undefined);
          const errorText = (field: string) => {
            const issue = issueOf(field);
            return issue ? (
              <small id={`${fieldId(field)}-error`} className="field-error" role="alert">
                {t(issue.message)}
              </small>
            ) : null;
          };
          const search = searches[index] ?? '';
          const listed = choices.filter((i) => i.code === draft.code || matches(i, search));
          const preview =
            draft.kind === 'fraction'
              ? fractionPreview(draft.numerator ?? '', draft.denominator ?? '', scale)
              : undefined;
          return (
            <fieldset key={index} className="panel">
              <legend>{t('indicatorRow', { n: index + 1 })}</legend>
              <label className="field">
                <span>{t('indicatorSearch')}</span>
                <input
                  type="search"
                  value={search}
                  placeholder={t('indicatorSearchHint')}
                  onChange={(e) =>
                    setSearches((list) => drafts.map((_, i) => (i === index ? e.target.value : (list[i] ?? ''))))
                  }
                />
              </label>
              <div className="field">
                <label className="field-label">
                  <span>{t('indicatorName')}</span>
                  <select
                    value={draft.code}
                    aria-invalid={!!issueOf('code')}
                    aria-describedby={described('code')}
                    onChange={(e) => choose(index, e.target.value)}
                  >
                    <option value="">{t('indicatorChoose', { n: listed.length })}</option>
                    {listed.map((i) => (
                      <option key={i.code} value={i.code}>
                        {i.code} — {i.name}
                      </option>
                    ))}
                  </select>
                </label>
                {errorText('code')}
              </div>
              {indicator && (
                <p className="muted small" data-testid="indicator-facts">
                  {t('indicatorBlock', { block: indicator.block })} · {t(kindLabel(indicator.kind))}
                  {indicator.nationalTarget ? ` · ${t('target')}: ${indicator.nationalTarget}` : ''}
                </p>
              )}
              {indicator && draft.kind === 'fraction' && (
                <div className="row">
                  {(['numerator', 'denominator'] as const).map((field) => (
                    <div className="field" key={field}>
                      <label className="field-label">
                        <span>{t(field === 'numerator' ? 'numerator' : 'denominator')}</span>
                        <input
                          inputMode="numeric"
                          value={draft[field] ?? ''}
                          aria-invalid={!!issueOf(field)}
                          aria-describedby={[described(field), `${fieldId(field)}-hint`].filter(Boolean).join(' ')}
                          onChange={(e) => update(index, { [field]: e.target.value })}
                        />
                      </label>
                      <small id={`${fieldId(field)}-hint`} className="muted">
                        {(field === 'numerator' ? indicator.numeratorLabel : indicator.denominatorLabel) ??
                          t('wholeNumberHint')}
                      </small>
                      {errorText(field)}
                    </div>
                  ))}
                  {preview !== undefined && (
                    <p className="muted" aria-live="polite">
                      {scale === 1000
                        ? t('ratePreview', { value: formatNumber(locale, preview) })
                        : t('achievementPreview', { value: formatNumber(locale, preview) })}
                    </p>
                  )}
                </div>
              )}
              {indicator && (draft.kind === 'count' || draft.kind === 'percent') && (
                <div className="field">
                  <label className="field-label">
                    <span>{t(draft.kind === 'count' ? 'kindCount' : 'kindPercent')}</span>
                    <input
                      inputMode={draft.kind === 'count' ? 'numeric' : 'decimal'}
                      value={(draft.kind === 'count' ? draft.count : draft.percent) ?? ''}
                      aria-invalid={!!issueOf(draft.kind)}
                      aria-describedby={described(draft.kind)}
                      onChange={(e) => update(index, { [draft.kind]: e.target.value })}
                    />
                  </label>
                  {errorText(draft.kind)}
                </div>
              )}
              {indicator && draft.kind === 'yesNo' && (
                <fieldset className="choices" aria-describedby={described('answer')}>
                  <legend>{t('kindYesNo')}</legend>
                  {(['Ya', 'Tidak'] as const).map((answer) => (
                    <label key={answer} className="check">
                      <input
                        type="radio"
                        name={`answer-${index}`}
                        checked={draft.answer === answer}
                        onChange={() => update(index, { answer })}
                      />
                      <span>{answer === 'Ya' ? t('yes') : t('no')}</span>
                    </label>
                  ))}
                  {errorText('answer')}
                </fieldset>
              )}
              {drafts.length > 1 && (
                <button
                  type="button"
                  className="button link"
                  onClick={() => {
                    setDrafts((list) => list.filter((_, i) => i !== index));
                    setSearches((list) => list.filter((_, i) => i !== index));
                  }}
                >
                  {t('removeRow')}
                </button>
              )}
            </fieldset>
          );
        })}
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              setDrafts((list) => [...list, emptyDraft()]);
              setSearches((list) => [...list, '']);
            }}
          >
            {t('addRow')}
          </button>
          <button type="submit" className="button primary">
            {t('saveValues')}
          </button>
        </div>
        <ErrorNote error={error} />
        {saved && (
          <p role="status" className="note note-ok">
            {t('valuesSaved')}
          </p>
        )}
      </form>
      {stored.data && stored.data.values.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('storedValues')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicatorCode')}</th>
                <th scope="col">{t('indicatorName')}</th>
                <th scope="col">{t('achievement')}</th>
              </tr>
            </thead>
            <tbody>
              {stored.data.values.map((value) => (
                <tr key={value.code} data-indicator={value.code}>
                  <td>{value.code}</td>
                  <td>{value.name}</td>
                  <td>{value.achievement.display}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function kindLabel(kind: CatalogueKind) {
  switch (kind) {
    case 'percentage':
      return 'kindFraction' as const;
    case 'ratePerThousand':
      return 'kindRate' as const;
    case 'directPercentage':
      return 'kindPercent' as const;
    case 'count':
      return 'kindCount' as const;
    case 'yesNo':
      return 'kindYesNo' as const;
  }
}
