import { useState, type FormEvent } from 'react';
import { ErrorNote, NotAvailable, PageHeading, ResourceView } from '../components/ui';
import { api } from '../lib/api';
import { hasRole, useApp } from '../lib/app-context';
import { formatDateTimeShort, formatLocalDay } from '../lib/format';
import { useResource } from '../lib/use-resource';

interface Region {
  code: string;
  name: string;
  level: string;
}
interface Unit {
  code: string;
  name: string;
  roleCodes: string[];
  email: string | null;
  active: boolean;
}
interface UserRow {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  unitCode: string | null;
  active: boolean;
}
interface Ladder {
  ladder: { reminderWorkingDaysBefore: number[]; secretaryAfterWorkingDays: number; chairAfterWorkingDays: number };
  escalationDelivery: 'digest' | 'immediate';
  digestTime: string;
  unitDigestEnabled: boolean;
  isDefault: boolean;
}
interface Override {
  date: string;
  kind: 'holiday' | 'working_day';
  name: string;
}

type Tab = 'units' | 'users' | 'ladder' | 'holidays' | 'schedules';

/** Administration (its own chunk: most users never load it). */
export default function AdminPage() {
  const { t, user } = useApp();
  const regions = useResource<Region[]>('/api/v1/regions');
  const [regency, setRegency] = useState(user?.regencyCode ?? '');
  const [tab, setTab] = useState<Tab>('units');
  const regencies = (regions.data ?? []).filter((r) => r.level === 'regency');
  const selected = regency || regencies[0]?.code || '';
  const tabs: { id: Tab; label: string }[] = [
    { id: 'units', label: t('adminUnits') },
    { id: 'users', label: t('adminUsers') },
    { id: 'ladder', label: t('adminLadder') },
    { id: 'holidays', label: t('adminHolidays') },
    { id: 'schedules', label: t('adminSchedules') },
  ];

  return (
    <>
      <PageHeading>{t('adminTitle')}</PageHeading>
      <label className="field">
        <span>{t('regency')}</span>
        <select value={selected} onChange={(e) => setRegency(e.target.value)}>
          {regencies.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name} ({r.code})
            </option>
          ))}
        </select>
      </label>
      <div role="tablist" className="tabs" aria-label={t('adminTitle')}>
        {tabs.map((item) => (
          <button
            key={item.id}
            type="button"
            role="tab"
            id={`tab-${item.id}`}
            aria-selected={tab === item.id}
            aria-controls={`panel-${item.id}`}
            className="tab"
            onClick={() => setTab(item.id)}
          >
            {item.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="panel">
        {selected && tab === 'units' && <UnitsAdmin regency={selected} canEdit={hasRole(user, 'system_admin')} />}
        {selected && tab === 'users' && hasRole(user, 'system_admin') && <UsersAdmin regency={selected} />}
        {tab === 'users' && !hasRole(user, 'system_admin') && <p className="muted">{t('adminOnly')}</p>}
        {selected && tab === 'ladder' && <LadderAdmin regency={selected} />}
        {selected && tab === 'holidays' && <HolidaysAdmin regency={selected} />}
        {selected && tab === 'schedules' && <SchedulesAdmin regency={selected} />}
      </div>
    </>
  );
}

function UnitsAdmin({ regency, canEdit }: { regency: string; canEdit: boolean }) {
  const { t } = useApp();
  const units = useResource<Unit[]>(`/api/v1/regencies/${regency}/units`);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>();

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await api.post(`/api/v1/regencies/${regency}/units`, { code, name });
      setCode('');
      setName('');
      units.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  const toggle = async (unit: Unit) => {
    setError(undefined);
    try {
      await api.patch(`/api/v1/regencies/${regency}/units/${unit.code}`, { active: !unit.active });
      units.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <>
      <ErrorNote error={error} />
      <ResourceView resource={units} what={t('adminUnits')}>
        {(list) => (
          <div className="table-wrap">
            <table className="table" data-testid="unit-admin-table">
              <thead>
                <tr>
                  <th scope="col">{t('unitCode')}</th>
                  <th scope="col">{t('unit')}</th>
                  <th scope="col">{t('roleMapping')}</th>
                  <th scope="col">{t('status')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((unit) => (
                  <tr key={unit.code}>
                    <td>{unit.code}</td>
                    <td className="unit-name">{unit.name}</td>
                    <td className="small">{unit.roleCodes.join(', ') || '—'}</td>
                    <td>
                      {canEdit ? (
                        <button type="button" className="button link" onClick={() => void toggle(unit)}>
                          {unit.active ? t('deactivate') : t('activate')}
                          <span className="sr-only"> {unit.name}</span>
                        </button>
                      ) : unit.active ? (
                        t('active')
                      ) : (
                        t('inactive')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ResourceView>
      {canEdit && (
        <form className="form" onSubmit={add}>
          <h2>{t('addUnit')}</h2>
          <label className="field">
            <span>{t('unitCode')}</span>
            <input
              required
              pattern="[A-Z][A-Z0-9_]{1,39}"
              value={code}
              onChange={(e) => setCode(e.target.value.toUpperCase())}
            />
          </label>
          <label className="field">
            <span>{t('unitName')}</span>
            <input required minLength={2} maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="submit" className="button primary">
            {t('save')}
          </button>
        </form>
      )}
    </>
  );
}

function UsersAdmin({ regency }: { regency: string }) {
  const { t } = useApp();
  const users = useResource<{ items: UserRow[] }>(`/api/v1/users?regencyCode=${regency}&pageSize=100`);
  const [error, setError] = useState<unknown>();
  const toggle = async (row: UserRow) => {
    setError(undefined);
    try {
      await api.patch(`/api/v1/users/${row.id}`, { active: !row.active });
      users.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <>
      <ErrorNote error={error} />
      <ResourceView resource={users} what={t('adminUsers')}>
        {(data) => (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('username')}</th>
                  <th scope="col">{t('displayName')}</th>
                  <th scope="col">{t('roles')}</th>
                  <th scope="col">{t('unitCode')}</th>
                  <th scope="col">{t('status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((row) => (
                  <tr key={row.id}>
                    <td>{row.username}</td>
                    <td>{row.displayName}</td>
                    <td className="small">{row.roles.join(', ')}</td>
                    <td>{row.unitCode ?? '—'}</td>
                    <td>
                      <button type="button" className="button link" onClick={() => void toggle(row)}>
                        {row.active ? t('deactivate') : t('activate')}
                        <span className="sr-only"> {row.username}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ResourceView>
    </>
  );
}

function LadderAdmin({ regency }: { regency: string }) {
  const { t } = useApp();
  const settings = useResource<Ladder>(`/api/v1/regencies/${regency}/escalation-settings`);
  const [draft, setDraft] = useState<Ladder | null>(null);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const current = draft ?? settings.data;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!current) return;
    setError(undefined);
    setSaved(false);
    try {
      const { ladder, escalationDelivery, digestTime, unitDigestEnabled } = current;
      await api.put(`/api/v1/regencies/${regency}/escalation-settings`, {
        ladder,
        escalationDelivery,
        digestTime,
        unitDigestEnabled,
      });
      setDraft(null);
      setSaved(true);
      settings.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  const set = (patch: Partial<Ladder['ladder']>) =>
    current && setDraft({ ...current, ladder: { ...current.ladder, ...patch } });

  return (
    <ResourceView resource={settings} what={t('adminLadder')}>
      {() =>
        current && (
          <form className="form" onSubmit={save}>
            {current.isDefault && <p className="muted">{t('ladderDefault')}</p>}
            <label className="field">
              <span>{t('ladderReminder')}</span>
              <input
                type="number"
                min={1}
                max={30}
                value={current.ladder.reminderWorkingDaysBefore[0] ?? ''}
                onChange={(e) => set({ reminderWorkingDaysBefore: e.target.value ? [Number(e.target.value)] : [] })}
              />
            </label>
            <label className="field">
              <span>{t('ladderSecretary')}</span>
              <input
                type="number"
                min={1}
                max={60}
                value={current.ladder.secretaryAfterWorkingDays}
                onChange={(e) => set({ secretaryAfterWorkingDays: Number(e.target.value) })}
              />
            </label>
            <label className="field">
              <span>{t('ladderChair')}</span>
              <input
                type="number"
                min={1}
                max={90}
                value={current.ladder.chairAfterWorkingDays}
                onChange={(e) => set({ chairAfterWorkingDays: Number(e.target.value) })}
              />
            </label>
            <label className="field">
              <span>{t('ladderDelivery')}</span>
              <select
                value={current.escalationDelivery}
                onChange={(e) =>
                  setDraft({ ...current, escalationDelivery: e.target.value as Ladder['escalationDelivery'] })
                }
              >
                <option value="digest">{t('deliveryDigest')}</option>
                <option value="immediate">{t('deliveryImmediate')}</option>
              </select>
            </label>
            <label className="field">
              <span>{t('ladderDigestTime')}</span>
              <input
                type="time"
                value={current.digestTime.slice(0, 5)}
                onChange={(e) => setDraft({ ...current, digestTime: e.target.value })}
              />
            </label>
            <ErrorNote error={error} />
            {saved && (
              <p role="status" className="note note-ok">
                {t('saved')}
              </p>
            )}
            <button type="submit" className="button primary">
              {t('save')}
            </button>
          </form>
        )
      }
    </ResourceView>
  );
}

function HolidaysAdmin({ regency }: { regency: string }) {
  const { t, locale } = useApp();
  const overrides = useResource<Override[]>(`/api/v1/regencies/${regency}/holiday-overrides`);
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<Override['kind']>('holiday');
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>();

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await api.put(`/api/v1/regencies/${regency}/holiday-overrides`, { overrides: [{ date, kind, name }] });
      setDate('');
      setName('');
      overrides.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  const remove = async (day: string) => {
    setError(undefined);
    try {
      await api.delete(`/api/v1/regencies/${regency}/holiday-overrides/${day}`);
      overrides.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <>
      <ErrorNote error={error} />
      <ResourceView resource={overrides} what={t('adminHolidays')}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('noOverrides')}</p>
          ) : (
            <ul className="plain">
              {list.map((o) => (
                <li key={o.date}>
                  {formatLocalDay(locale, o.date)} ·{' '}
                  {o.kind === 'holiday' ? t('overrideHoliday') : t('overrideWorkingDay')} · {o.name}{' '}
                  <button type="button" className="button link" onClick={() => void remove(o.date)}>
                    {t('remove')}
                    <span className="sr-only"> {formatLocalDay(locale, o.date)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </ResourceView>
      <form className="form" onSubmit={add}>
        <h2>{t('addOverride')}</h2>
        <label className="field">
          <span>{t('date')}</span>
          <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('overrideKind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as Override['kind'])}>
            <option value="holiday">{t('overrideHoliday')}</option>
            <option value="working_day">{t('overrideWorkingDay')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('overrideName')}</span>
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" className="button primary">
          {t('save')}
        </button>
      </form>
    </>
  );
}

interface Schedule {
  kind: 'year-start' | 'semester-collection' | string;
  paused: boolean;
  note: string | null;
  nextRuns: string[];
}

function SchedulesAdmin({ regency }: { regency: string }) {
  const { t, locale, timeZone } = useApp();
  const schedules = useResource<{ items: Schedule[] }>(`/api/v1/regencies/${regency}/schedules`);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>();
  const noteShort = note.trim().length < 3;

  const change = async (schedule: Schedule) => {
    setError(undefined);
    try {
      await api.post(
        `/api/v1/regencies/${regency}/schedules/${schedule.kind}/${schedule.paused ? 'resume' : 'pause'}`,
        {
          note: note.trim(),
        },
      );
      setNote('');
      schedules.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  if (schedules.missing) return <NotAvailable what={t('adminSchedules')} />;
  return (
    <>
      <div className="field">
        <label className="field-label">
          <span>{t('scheduleNote')}</span>
          <input
            value={note}
            maxLength={500}
            aria-describedby="schedule-note-hint"
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        <small id="schedule-note-hint" className="muted">
          {t('reasonHint')}
        </small>
      </div>
      <ErrorNote error={error} />
      <ResourceView resource={schedules} what={t('adminSchedules')}>
        {(data) => (
          <ul className="cards">
            {data.items.map((schedule) => (
              <li key={schedule.kind} className="card">
                <h2 className="card-title">
                  {schedule.kind === 'year-start'
                    ? t('scheduleYearStart')
                    : schedule.kind === 'semester-collection'
                      ? t('scheduleSemester')
                      : schedule.kind}
                </h2>
                <p className="card-meta">
                  <span className={`badge ${schedule.paused ? 'badge-late' : 'badge-done'}`}>
                    {schedule.paused ? t('schedulePaused') : t('scheduleActive')}
                  </span>
                  {schedule.note && <span className="muted">{schedule.note}</span>}
                </p>
                {schedule.nextRuns.length > 0 && (
                  <p className="small">
                    {t('scheduleNextRuns')}:{' '}
                    {schedule.nextRuns.map((run) => formatDateTimeShort(locale, run, timeZone)).join(' · ')}
                  </p>
                )}
                <button type="button" className="button" disabled={noteShort} onClick={() => void change(schedule)}>
                  {schedule.paused ? t('scheduleResume') : t('schedulePause')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </ResourceView>
    </>
  );
}
