import { useMemo, useState, type FormEvent } from 'react';
import { api } from '../lib/api';
import { useApp } from '../lib/app-context';
import { formatNumber } from '../lib/format';
import { useResource } from '../lib/use-resource';
import {
  confirmationNoteMaxLength,
  entryKindOf,
  entryWarnings,
  fractionPreview,
  notAvailableReasonMaxLength,
  payloadsOf,
  validateEntry,
  validateSubRow,
  type CatalogueKind,
  type EntryDraft,
  type FieldIssue,
} from '../lib/validation';
import { IndicatorImport } from './IndicatorImport';
import { ErrorNote } from './ui';

interface StoredValues {
  values: {
    code: string;
    /** Set on a sub-row: the indicator it is printed beneath. */
    parent?: string;
    name: string;
    kind: string;
    input: { kind: string; reason?: string };
    achievement: { status: string; display: string };
    nationalTarget: string | null;
    /** What looks wrong in the value (region bounds, above 100%, a jump); never a refusal. */
    warnings: { code: string; message: string }[];
    confirmation: { note: string; confirmedAt: string } | null;
    needsConfirmation: boolean;
  }[];
  /** How many values still need a confirmation note. */
  needsConfirmation: number;
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
  /** The rows the form prints beneath this one, entered beside its answer. */
  subRows: { code: string; name: string; kind: CatalogueKind }[];
}

interface Catalogue {
  unit: { code: string; name: string } | null;
  indicators: CatalogueIndicator[];
}

const blankValues = (code: string, kind: EntryDraft['kind']): EntryDraft => ({
  code,
  kind,
  numerator: '',
  denominator: '',
  count: '',
  percent: '',
  answer: '',
  timesHeld: '',
  notAvailable: false,
  reason: '',
  note: '',
});
const emptyDraft = (): EntryDraft => blankValues('', 'fraction');

/** Every field a draft's issues may name: all are judged once the officer presses save. */
const entryFields: readonly FieldIssue['field'][] = [
  'code',
  'numerator',
  'denominator',
  'answer',
  'timesHeld',
  'count',
  'percent',
  'reason',
  'note',
];

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
  const { t, user } = useApp();
  const [period, setPeriod] = useState(currentPeriod);
  const [ownUnitOnly, setOwnUnitOnly] = useState(!!user?.unit);
  const [drafts, setDrafts] = useState<EntryDraft[]>([emptyDraft()]);
  const [searches, setSearches] = useState<string[]>(['']);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [unconfirmed, setUnconfirmed] = useState(0);
  const path = `/api/v1/regencies/${regencyCode}/indicators/${period.year}/${period.semester}`;
  const stored = useResource<StoredValues>(path);
  const catalogue = useResource<Catalogue>(
    `/api/v1/indicators/catalogue?semester=${period.semester}${ownUnitOnly ? '&unit=me' : ''}`,
  );
  const choices = useMemo(() => (catalogue.data?.indicators ?? []).filter((i) => !i.derived), [catalogue.data]);
  const byCode = useMemo(() => new Map(choices.map((i) => [i.code, i])), [choices]);

  const subRowNames = useMemo(
    () => new Map(choices.flatMap((i) => i.subRows.map((row) => [row.code, `${row.code} — ${row.name}`] as const))),
    [choices],
  );

  const touch = (path: string, patch: Partial<EntryDraft>) =>
    setTouched((s) => {
      const next = new Set(s);
      Object.keys(patch).forEach((field) => next.add(`${path}:${field}`));
      return next;
    });
  const update = (index: number, patch: Partial<EntryDraft>) => {
    setSaved(false);
    setDrafts((list) => list.map((d, i) => (i === index ? { ...d, ...patch } : d)));
    touch(String(index), patch);
  };
  const updateSubRow = (index: number, subIndex: number, patch: Partial<EntryDraft>) => {
    setSaved(false);
    setDrafts((list) =>
      list.map((d, i) =>
        i === index ? { ...d, subRows: (d.subRows ?? []).map((s, j) => (j === subIndex ? { ...s, ...patch } : s)) } : d,
      ),
    );
    touch(`${index}.${subIndex}`, patch);
  };
  const choose = (index: number, code: string) => {
    const indicator = byCode.get(code);
    setSaved(false);
    setDrafts((list) =>
      list.map((d, i) =>
        i === index
          ? {
              ...blankValues(code, indicator ? entryKindOf(indicator.kind).kind : 'fraction'),
              subRows: (indicator?.subRows ?? []).map((row) => blankValues(row.code, entryKindOf(row.kind).kind)),
            }
          : d,
      ),
    );
    // Choosing is not typing a value: the value fields are judged once touched.
    setTouched((s) =>
      new Set([...s].filter((key) => !key.startsWith(`${index}:`) && !key.startsWith(`${index}.`))).add(
        `${index}:code`,
      ),
    );
  };

  const ratioOf = (draft: EntryDraft) => {
    const indicator = byCode.get(draft.code);
    return indicator ? entryKindOf(indicator.kind) : { kind: draft.kind, ratio: false, scale: 100 };
  };
  const allIssues = drafts.map((d) => validateEntry(d));
  const allWarnings = drafts.map((d) => entryWarnings(d, { ratio: ratioOf(d).ratio }));
  const subIssues = drafts.map((d) => (d.subRows ?? []).map(validateSubRow));
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(
      new Set(
        drafts.flatMap((d, i) => [
          ...entryFields.map((f) => `${i}:${f}`),
          ...(d.subRows ?? []).flatMap((_, j) => entryFields.map((f) => `${i}.${j}:${f}`)),
        ]),
      ),
    );
    const payload = drafts.map(payloadsOf);
    const problems = [...allIssues, ...subIssues.flat()].some((issues) => issues.length > 0);
    if (problems || payload.some((p) => !p)) return;
    setError(undefined);
    try {
      const response = await api.put<StoredValues>(path, { values: payload.flat() });
      setSaved(true);
      setUnconfirmed(response.needsConfirmation);
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
          const errorText = (field: string) => <FieldError issue={issueOf(field)} id={`${fieldId(field)}-error`} />;
          const search = searches[index] ?? '';
          const listed = choices.filter((i) => i.code === draft.code || matches(i, search));
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
              {indicator && (
                <ValueFields
                  draft={draft}
                  path={String(index)}
                  scale={scale}
                  numeratorLabel={indicator.numeratorLabel}
                  denominatorLabel={indicator.denominatorLabel}
                  issues={issues}
                  touched={touched}
                  onChange={(patch) => update(index, patch)}
                />
              )}
              {indicator && allWarnings[index].length > 0 && (
                <div className="note note-warn" data-testid="entry-warning">
                  {allWarnings[index].map((w) => (
                    <p key={w.message}>{t(w.message)}</p>
                  ))}
                  <label className="field-label">
                    <span>{t('confirmationNote')}</span>
                    <textarea
                      value={draft.note ?? ''}
                      maxLength={confirmationNoteMaxLength}
                      placeholder={t('confirmationNoteHint')}
                      aria-invalid={!!issueOf('note')}
                      aria-describedby={described('note')}
                      onChange={(e) => update(index, { note: e.target.value })}
                    />
                  </label>
                  {errorText('note')}
                </div>
              )}
              {indicator && (draft.subRows ?? []).length > 0 && (
                <fieldset className="sub-rows">
                  <legend>{t('subRowsTitle')}</legend>
                  {(draft.subRows ?? []).map((sub, subIndex) => (
                    <div className="sub-row" key={sub.code} data-sub-row={sub.code}>
                      <ValueFields
                        draft={sub}
                        path={`${index}.${subIndex}`}
                        scale={1}
                        label={subRowNames.get(sub.code) ?? sub.code}
                        hint={t('subRowHint')}
                        issues={subIssues[index]?.[subIndex] ?? []}
                        touched={touched}
                        onChange={(patch) => updateSubRow(index, subIndex, patch)}
                      />
                    </div>
                  ))}
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
        {saved && unconfirmed > 0 && (
          <p role="status" className="note note-warn">
            {t('needsConfirmation', { n: unconfirmed })}
          </p>
        )}
      </form>
      <IndicatorImport path={path} onStored={stored.reload} />
      {stored.data && stored.data.values.length > 0 && (
        <div className="table-wrap">
          <table className="table stacked">
            <caption>{t('storedValues')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicatorCode')}</th>
                <th scope="col">{t('indicatorName')}</th>
                <th scope="col">{t('achievement')}</th>
                <th scope="col">{t('plausibilityWarnings')}</th>
              </tr>
            </thead>
            <tbody>
              {stored.data.values.map((value) => (
                <tr key={value.code} data-indicator={value.code} className={value.parent ? 'sub-row-value' : undefined}>
                  <td data-label={t('indicatorCode')}>{value.code}</td>
                  <td data-label={t('indicatorName')}>
                    {value.name}
                    {value.parent && <small className="muted"> ({t('subRowOf', { parent: value.parent })})</small>}
                  </td>
                  <td data-label={t('achievement')}>
                    {value.achievement.display}
                    {value.input.kind === 'notAvailable' && value.input.reason && (
                      <small className="muted block">{value.input.reason}</small>
                    )}
                  </td>
                  <td data-label={t('plausibilityWarnings')}>
                    {value.warnings.map((w) => (
                      <small key={w.code} className="block">
                        {w.message}
                      </small>
                    ))}
                    {value.confirmation && (
                      <small className="muted block">{t('confirmedWith', { note: value.confirmation.note })}</small>
                    )}
                    {value.needsConfirmation && (
                      <ConfirmValue path={`${path}/confirmations`} code={value.code} onDone={stored.reload} />
                    )}
                  </td>
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

function FieldError({ issue, id }: { issue: FieldIssue | undefined; id: string }) {
  const { t } = useApp();
  return issue ? (
    <small id={id} className="field-error" role="alert">
      {t(issue.message)}
    </small>
  ) : null;
}

interface ValueFieldsProps {
  draft: EntryDraft;
  /** `2` for the third row, `2.0` for its first sub-row: keys the touched set and the element ids. */
  path: string;
  scale: number;
  numeratorLabel?: string | null;
  denominatorLabel?: string | null;
  /** Names the single value field (a sub-row's own name); the kind's name otherwise. */
  label?: string;
  hint?: string;
  issues: readonly FieldIssue[];
  touched: ReadonlySet<string>;
  onChange: (patch: Partial<EntryDraft>) => void;
}

/**
 * The value of one indicator as its kind asks for it, or "data tidak tersedia" with a reason in
 * place of any value (the forms print NA where the data does not exist).
 */
function ValueFields(props: ValueFieldsProps) {
  const { t, locale } = useApp();
  const { draft, path, scale, issues, touched, onChange } = props;
  const fieldId = (field: string) => `indicator-${path.replace('.', '-')}-${field}`;
  const issueOf = (field: FieldIssue['field']) =>
    touched.has(`${path}:${field}`) ? issues.find((i) => i.field === field) : undefined;
  const describedBy = (field: FieldIssue['field'], ...more: string[]) =>
    [issueOf(field) ? `${fieldId(field)}-error` : '', ...more].filter(Boolean).join(' ') || undefined;
  const errorOf = (field: FieldIssue['field']) => <FieldError issue={issueOf(field)} id={`${fieldId(field)}-error`} />;
  const preview =
    draft.kind === 'fraction' ? fractionPreview(draft.numerator ?? '', draft.denominator ?? '', scale) : undefined;

  const values = (() => {
    if (draft.notAvailable) {
      return (
        <div className="field">
          {props.label && <p className="field-title">{props.label}</p>}
          <label className="field-label">
            <span>{t('notAvailableReason')}</span>
            <textarea
              value={draft.reason ?? ''}
              maxLength={notAvailableReasonMaxLength}
              placeholder={t('notAvailableReasonHint')}
              aria-invalid={!!issueOf('reason')}
              aria-describedby={describedBy('reason')}
              onChange={(e) => onChange({ reason: e.target.value })}
            />
          </label>
          {errorOf('reason')}
        </div>
      );
    }
    switch (draft.kind) {
      case 'fraction':
        return (
          <div className="row">
            {(['numerator', 'denominator'] as const).map((field) => (
              <div className="field" key={field}>
                <label className="field-label">
                  <span>{t(field)}</span>
                  <input
                    inputMode="numeric"
                    value={draft[field] ?? ''}
                    aria-invalid={!!issueOf(field)}
                    aria-describedby={describedBy(field, `${fieldId(field)}-hint`)}
                    onChange={(e) => onChange({ [field]: e.target.value })}
                  />
                </label>
                <small id={`${fieldId(field)}-hint`} className="muted">
                  {(field === 'numerator' ? props.numeratorLabel : props.denominatorLabel) ?? t('wholeNumberHint')}
                </small>
                {errorOf(field)}
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
        );
      case 'count':
      case 'percent': {
        const field = draft.kind;
        return (
          <div className="field">
            <label className="field-label">
              <span>{props.label ?? t(field === 'count' ? 'kindCount' : 'kindPercent')}</span>
              <input
                inputMode={field === 'count' ? 'numeric' : 'decimal'}
                value={draft[field] ?? ''}
                aria-invalid={!!issueOf(field)}
                aria-describedby={describedBy(field, props.hint ? `${fieldId(field)}-hint` : '')}
                onChange={(e) => onChange({ [field]: e.target.value })}
              />
            </label>
            {props.hint && (
              <small id={`${fieldId(field)}-hint`} className="muted">
                {props.hint}
              </small>
            )}
            {errorOf(field)}
          </div>
        );
      }
      case 'yesNo':
        return (
          <>
            <fieldset className="choices" aria-describedby={describedBy('answer')}>
              <legend>{props.label ?? t('kindYesNo')}</legend>
              {(['Ya', 'Tidak'] as const).map((answer) => (
                <label key={answer} className="check">
                  <input
                    type="radio"
                    name={`answer-${path}`}
                    checked={draft.answer === answer}
                    onChange={() => onChange({ answer })}
                  />
                  <span>{answer === 'Ya' ? t('yes') : t('no')}</span>
                </label>
              ))}
              {errorOf('answer')}
            </fieldset>
            <div className="field">
              <label className="field-label">
                <span>{t('timesHeld')}</span>
                <input
                  inputMode="numeric"
                  value={draft.timesHeld ?? ''}
                  aria-invalid={!!issueOf('timesHeld')}
                  aria-describedby={describedBy('timesHeld', `${fieldId('timesHeld')}-hint`)}
                  onChange={(e) => onChange({ timesHeld: e.target.value })}
                />
              </label>
              <small id={`${fieldId('timesHeld')}-hint`} className="muted">
                {t('timesHeldHint')}
              </small>
              {errorOf('timesHeld')}
            </div>
          </>
        );
    }
  })();

  return (
    <>
      {values}
      <label className="check">
        <input
          type="checkbox"
          checked={!!draft.notAvailable}
          onChange={(e) => onChange({ notAvailable: e.target.checked })}
        />
        <span>{t('notAvailable')}</span>
      </label>
    </>
  );
}

/** Settles the warnings of a stored value with a note (POST …/confirmations). */
function ConfirmValue({ path, code, onDone }: { path: string; code: string; onDone: () => void }) {
  const { t } = useApp();
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>();
  const [missing, setMissing] = useState(false);
  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (note.trim() === '') {
      setMissing(true);
      return;
    }
    setError(undefined);
    try {
      await api.post(path, { code, note: note.trim() });
      onDone();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <form className="confirm-value" onSubmit={confirm} noValidate>
      <label className="field-label">
        <span>{t('confirmationNote')}</span>
        <textarea
          value={note}
          maxLength={confirmationNoteMaxLength}
          aria-invalid={missing}
          onChange={(e) => {
            setNote(e.target.value);
            setMissing(false);
          }}
        />
      </label>
      {missing && (
        <small className="field-error" role="alert">
          {t('validationRequired')}
        </small>
      )}
      <button type="submit" className="button">
        {t('confirm')}
      </button>
      <ErrorNote error={error} />
    </form>
  );
}
