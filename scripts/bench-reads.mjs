#!/usr/bin/env node
// `npm run bench:reads`: what the read side costs with a year of data. Starts the bench stack of
// scripts/lib/bench-kit.mjs, writes a year of records for every regency straight into its database
// (shaped like the product's own: planCycle + insertCycle for cycles, the worker's task and mail
// keys), then times over HTTP with real sessions: the TPPS dashboard, the cycle status read and
// an OPD inbox for one regency (at fixed concurrencies, beside GET /api/v1/me as the baseline),
// the province overview over all regencies of a province, and the semester report as JSON, .xlsx
// and .pdf. Profiles each read (queries per request, their time, EXPLAIN ANALYZE of the heaviest,
// CPU of the API and of PostgreSQL) and writes the results into docs/benchmarks.md.
//
// Parameters (argv wins over env):
//   --year=Y               BENCH_READS_YEAR           the year of data (current year in Asia/Jakarta)
//   --regencies=R          BENCH_READS_REGENCIES      regencies of the province rolled up, Kota Metro included (30)
//   --adhoc=A              BENCH_READS_ADHOC          ad-hoc tasks per regency over the year (60)
//   --requests=N           BENCH_READS_REQUESTS       timed requests per read and concurrency (200)
//   --concurrency=L        BENCH_READS_CONCURRENCY    comma-separated concurrency levels (1,10)
//   --warmup=W             BENCH_READS_WARMUP         untimed requests before each phase (20)
//   --province-runs=P      BENCH_READS_PROVINCE_RUNS  timed province overviews, one at a time (20)
//   --report-runs=S        BENCH_READS_REPORT_RUNS    timed semester reports per format, one at a time (20)
//   --profile-requests=Q   BENCH_READS_PROFILE        requests per read whose queries are traced (5)
//   --max-minutes=M, --no-write, --skip-build, --keep-logs   as every bench (scripts/lib/bench-kit.mjs)
/* global AbortSignal */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  checkInterrupted,
  commonOptions,
  fmt,
  log,
  machineTable,
  nonNegativeInt,
  onCleanup,
  option,
  positiveInt,
  prepareBuild,
  processUsage,
  ratio,
  root,
  runMain,
  runPhase,
  startBenchStack,
  summarize,
  timed,
  until,
  writeDocSection,
} from './lib/bench-kit.mjs';

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- parameters

const common = commonOptions({ maxMinutes: 30 });
const currentYear = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()),
);
const params = {
  ...common,
  year: positiveInt(option('year', 'BENCH_READS_YEAR', String(currentYear)), 'year (BENCH_READS_YEAR)'),
  regencies: positiveInt(option('regencies', 'BENCH_READS_REGENCIES', '30'), 'regencies (BENCH_READS_REGENCIES)'),
  adhoc: nonNegativeInt(option('adhoc', 'BENCH_READS_ADHOC', '60'), 'ad-hoc tasks (BENCH_READS_ADHOC)'),
  requests: positiveInt(option('requests', 'BENCH_READS_REQUESTS', '200'), 'requests (BENCH_READS_REQUESTS)'),
  concurrency: String(option('concurrency', 'BENCH_READS_CONCURRENCY', '1,10'))
    .split(',')
    .map((c) => positiveInt(c.trim(), 'concurrency (BENCH_READS_CONCURRENCY)')),
  warmup: nonNegativeInt(option('warmup', 'BENCH_READS_WARMUP', '20'), 'warm-up (BENCH_READS_WARMUP)'),
  provinceRuns: positiveInt(option('province-runs', 'BENCH_READS_PROVINCE_RUNS', '20'), 'province runs'),
  reportRuns: positiveInt(option('report-runs', 'BENCH_READS_REPORT_RUNS', '20'), 'report runs'),
  profileRequests: positiveInt(option('profile-requests', 'BENCH_READS_PROFILE', '5'), 'profile requests'),
};
if (params.regencies > 60) throw new Error('at most 60 regencies (synthetic codes 18.40 … 18.98)');

const provinceCode = '18'; // Lampung in the demo seed
const regencyCode = '18.72'; // Kota Metro
const zone = 'Asia/Jakarta';
const inboxUnit = 'BAPPEDA';
const users = {
  chair: 'metro.ketua',
  secretary: 'metro.sekretaris',
  officer: 'metro.bappeda',
  province: 'lampung.provinsi',
};

// ---------------------------------------------------------------- deterministic randomness

/** mulberry32: the same data on every run, so runs compare. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

// ---------------------------------------------------------------- bulk writes

/** Multi-row insert through json_populate_recordset: the columns are the keys of the first row. */
async function insertRows(db, table, rows, counts, chunk = 1000) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0])
    .map((c) => `"${c}"`)
    .join(', ');
  for (let i = 0; i < rows.length; i += chunk) {
    await db.query(
      `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${table}, $1::json)`,
      [JSON.stringify(rows.slice(i, i + chunk))],
    );
  }
  counts.set(table, (counts.get(table) ?? 0) + rows.length);
}

const hex = (bytes) => `\\x${bytes.toString('hex')}`;

// ---------------------------------------------------------------- a year of data

/**
 * Regencies of the province besides Kota Metro: synthetic kabupaten 18.40, 18.41, … with
 * districts, villages, Kota Metro's units (same role mapping) and an officer and a head per unit,
 * a TPPS chair and secretary. Passwords are Kota Metro's demo password (the hash is copied).
 */
async function createSyntheticRegencies(db, count, counts) {
  const metroUnits = (
    await db.query(`SELECT code, name, role_codes FROM unit WHERE regency_code = $1 ORDER BY code`, [regencyCode])
  ).rows;
  const { password_hash: passwordHash } = (
    await db.query(`SELECT password_hash FROM app_user WHERE username = $1`, [users.officer])
  ).rows[0];
  const regions = [];
  const units = [];
  const appUsers = [];
  const roles = [];
  const codes = [];
  for (let i = 0; i < count; i += 1) {
    const code = `18.${40 + i}`;
    const slug = `sintetis${String(i + 1).padStart(2, '0')}`;
    codes.push(code);
    regions.push({
      code,
      level: 'regency',
      name: `Kabupaten Sintetis ${i + 1}`,
      kind: 'kabupaten',
      parent_code: provinceCode,
      time_zone: zone,
      family_count: 60_000 + i * 1000,
    });
    for (let d = 1; d <= 6; d += 1) {
      const district = `${code}.${String(d).padStart(2, '0')}`;
      regions.push({
        code: district,
        level: 'district',
        name: `Kecamatan Sintetis ${i + 1}-${d}`,
        kind: 'kecamatan',
        parent_code: code,
      });
      for (let v = 1; v <= 10; v += 1) {
        regions.push({
          code: `${district}.${2000 + v}`,
          level: 'village',
          name: `Desa Sintetis ${i + 1}-${d}-${v}`,
          kind: 'desa',
          parent_code: district,
        });
      }
    }
    for (const unit of metroUnits) {
      const unitId = randomUUID();
      const unitSlug = unit.code.toLowerCase().replace(/_/g, '-');
      units.push({
        id: unitId,
        regency_code: code,
        code: unit.code,
        name: `${unit.name} (Sintetis ${i + 1})`,
        role_codes: unit.role_codes,
        email: `${unitSlug}@${slug}.konvergensi.test`,
        active: true,
      });
      for (const [prefix, role] of [
        ['', 'opd_officer'],
        ['kepala-', 'opd_head'],
      ]) {
        const id = randomUUID();
        appUsers.push({
          id,
          username: `${slug}.${prefix}${unitSlug}`,
          display_name: `${prefix ? 'Kepala ' : 'Petugas '}${unit.code} Sintetis ${i + 1}`,
          email: `${prefix}${unitSlug}.${slug}@konvergensi.test`,
          password_hash: passwordHash,
          regency_code: code,
          unit_id: unitId,
          active: true,
        });
        roles.push({ user_id: id, role });
      }
      if (unit.code === 'SEKRETARIAT_TPPS') {
        const id = randomUUID();
        appUsers.push({
          id,
          username: `${slug}.sekretaris`,
          display_name: `Sekretaris TPPS Sintetis ${i + 1}`,
          email: `sekretaris.${slug}@konvergensi.test`,
          password_hash: passwordHash,
          regency_code: code,
          unit_id: unitId,
          active: true,
        });
        roles.push({ user_id: id, role: 'tpps_secretary' });
      }
    }
    const chairId = randomUUID();
    appUsers.push({
      id: chairId,
      username: `${slug}.ketua`,
      display_name: `Ketua TPPS Sintetis ${i + 1}`,
      email: `ketua.${slug}@konvergensi.test`,
      password_hash: passwordHash,
      regency_code: code,
      unit_id: null,
      active: true,
    });
    roles.push({ user_id: chairId, role: 'tpps_chair' });
  }
  // Parents before children: regencies, then districts, then villages.
  const byLevel = (level) => regions.filter((r) => r.level === level);
  await insertRows(db, 'region', byLevel('regency'), counts);
  await insertRows(db, 'region', byLevel('district'), counts);
  await insertRows(db, 'region', byLevel('village'), counts);
  await insertRows(db, 'unit', units, counts);
  await insertRows(db, 'app_user', appUsers, counts);
  await insertRows(db, 'role_assignment', roles, counts);
  return codes;
}

/** Who works in a regency, as the worker's task directory finds them. */
async function regencyPeople(db, code) {
  const units = (
    await db.query(`SELECT id, code, name, role_codes FROM unit WHERE regency_code = $1 AND active ORDER BY code`, [
      code,
    ])
  ).rows;
  const people = (
    await db.query(
      `SELECT u.id, u.email, u.unit_id, r.role FROM app_user u JOIN role_assignment r ON r.user_id = u.id
        WHERE u.regency_code = $1 AND u.active`,
      [code],
    )
  ).rows;
  const withRole = (role) => people.filter((p) => p.role === role);
  return {
    units,
    unitByCode: new Map(units.map((u) => [u.code, u])),
    officers: (unitId) => people.filter((p) => p.unit_id === unitId && p.role === 'opd_officer'),
    heads: (unitId) => people.filter((p) => p.unit_id === unitId && p.role === 'opd_head'),
    staff: (unitId) =>
      people.filter((p) => p.unit_id === unitId && (p.role === 'opd_officer' || p.role === 'opd_head')),
    secretary: withRole('tpps_secretary')[0],
    chair: withRole('tpps_chair')[0],
  };
}

/**
 * One regency's year: the cycle from planCycle(nationalTemplate) written by insertCycle, stages
 * opened one after another through the action windows up to today (most on time, some closed late,
 * a few stuck and escalated), a task per assigned unit and round keyed as the worker keys them,
 * their events, submissions, evidence, mail and digest notices; ad-hoc tasks; indicator values of
 * both semesters; planned activities; village situation and lokus; the two AKS audits; portal
 * milestones, the semester report record and a few final grades.
 */
async function generateRegencyYear({ db, dataSource, domain, persistence, code, year, seed, counts }) {
  const random = rng(seed);
  const rules = domain.indonesianWorkingDayRules();
  const people = await regencyPeople(db, code);
  const today = domain.localDateOf(new Date(), zone);
  const at = (date, hours = 9, minutes = 0) =>
    new Date(domain.startInstant(date, zone).getTime() + (hours * 60 + minutes) * 60_000);
  const iso = (d) => d.toISOString();
  const minDate = (a, b) => (a < b ? a : b);

  const plan = domain.planCycle(domain.nationalTemplate, {
    regencyCode: code,
    year,
    timeZone: zone,
    unitsForRole: (role) => people.units.filter((u) => u.role_codes.includes(role)).map((u) => u.code),
  });
  const stored = await dataSource.transaction((manager) =>
    persistence.insertCycle(manager, {
      regencyCode: code,
      year,
      plan,
      clock: null,
      workflowId: `annual-cycle:${code}:${year}`,
      createdBy: people.secretary?.id ?? null,
    }),
  );
  counts.set('cycle', (counts.get('cycle') ?? 0) + 1);
  counts.set('cycle_action', (counts.get('cycle_action') ?? 0) + plan.actions.length);
  counts.set('action_stage', (counts.get('action_stage') ?? 0) + plan.actions.reduce((n, a) => n + a.stages.length, 0));

  const tasks = [];
  const events = [];
  const submissions = [];
  const blobs = [];
  const files = [];
  const mails = [];
  const notices = [];
  const stageUpdates = [];
  const actionUpdates = [];
  const milestones = [];
  const secretary = people.secretary;
  const chair = people.chair;

  const mail = (taskId, key, recipients, category, subject, at_) => {
    for (const r of recipients) {
      mails.push({
        id: randomUUID(),
        idempotency_key: `task:${taskId}:${key}:${r.email}`,
        recipients: [r.email],
        subject,
        body_text: `${subject}\n\nYth. Bapak/Ibu,\n\nTugas berikut memerlukan perhatian unit Anda. Buka aplikasi Konvergensi untuk melihat rincian, keluaran yang diminta dan batas waktunya.\n\nSalam,\nSekretariat TPPS`,
        body_html: `<p>${subject}</p><p>Yth. Bapak/Ibu,</p><p>Tugas berikut memerlukan perhatian unit Anda. Buka aplikasi Konvergensi untuk melihat rincian, keluaran yang diminta dan batas waktunya.</p><p>Salam,<br>Sekretariat TPPS</p>`,
        message_id: `<${randomUUID()}@konvergensi.test>`,
        status: 'sent',
        attempts: 1,
        next_attempt_at: iso(at_),
        sent_at: iso(new Date(at_.getTime() + 20_000)),
        created_at: iso(at_),
        attachments: [],
        category,
        task_id: taskId,
      });
    }
  };
  const event = (taskId, kind, key, actor, occurredAt, payload = {}) =>
    events.push({
      id: randomUUID(),
      task_id: taskId,
      kind,
      idempotency_key: key,
      actor_user_id: actor?.id ?? null,
      occurred_at: iso(occurredAt),
      payload,
    });
  const escalate = (taskId, stepKind, level, recipients, key, occurredAt) => {
    for (const r of recipients) {
      if (!r) continue;
      notices.push({
        idempotency_key: `task:${taskId}:${key}:${r.id}`,
        regency_code: code,
        task_id: taskId,
        recipient_user_id: r.id,
        step_kind: stepKind,
        level,
        created_at: iso(occurredAt),
        digested_at: iso(new Date(occurredAt.getTime() + 12 * 3600_000)),
      });
    }
  };

  /**
   * One task's life up to today. `fate`: 'done' (approved by `closeOn`), 'stuck' (still open past
   * its due day) or 'running' (due day not reached). Returns nothing; pushes rows.
   */
  const lifeOf = (task, unit, dueDate, openedOn, fate, closeOn) => {
    const staff = people.staff(unit.id);
    const officer = people.officers(unit.id)[0] ?? staff[0] ?? secretary;
    const created = at(openedOn, 0, random.int(1, 30));
    event(task.id, 'created', 'created', task.created_by ? { id: task.created_by } : null, created, { dueDate });
    mail(task.id, 'assigned', staff, 'task_assigned', `[Tugas baru] ${task.title}`, created);
    const reminderOn = domain.subtractWorkingDays(dueDate, 3, rules);
    const closedBefore = (date) => fate === 'done' && closeOn < date;
    if (reminderOn >= openedOn && reminderOn <= today && !closedBefore(reminderOn)) {
      const t = at(reminderOn, 7);
      event(task.id, 'ladder_reminder', 'ladder:g0:reminder:0', null, t, {
        level: 1,
        ordinal: 0,
        generation: 0,
        at: iso(t),
      });
      mail(task.id, 'ladder:g0:reminder:0', staff, 'task_reminder', `[Pengingat] ${task.title}`, t);
      task.escalation_level = 1;
    }
    const ladder = [
      ['overdue', 2, 1],
      ['secretary', 3, 3],
      ['chair', 4, 7],
    ];
    for (const [kind, level, days] of ladder) {
      const on = domain.addWorkingDays(dueDate, days, rules);
      if (on > today || closedBefore(on) || (fate === 'done' && closeOn <= on)) continue;
      const t = at(on, 7);
      const key = `ladder:g0:${kind}:0`;
      event(task.id, `ladder_${kind}`, key, null, t, { level, ordinal: 0, generation: 0, at: iso(t) });
      task.escalation_level = level;
      if (kind === 'overdue') {
        mail(task.id, key, staff, 'task_overdue', `[Terlambat] ${task.title}`, t);
        escalate(task.id, 'overdue', level, people.heads(unit.id), key, t);
      } else if (kind === 'secretary') escalate(task.id, 'escalation_secretary', level, [secretary], key, t);
      else escalate(task.id, 'escalation_chair', level, [chair], key, t);
    }
    const submit = (on, hours) => {
      const t = at(on, hours, random.int(0, 59));
      const requestId = `submit:${randomUUID()}`;
      event(task.id, 'submitted', requestId, officer, t, { note: 'Terlampir keluaran unit.', evidenceIds: [] });
      const submissionId = randomUUID();
      submissions.push({
        id: submissionId,
        task_id: task.id,
        submitted_by: officer.id,
        note: 'Terlampir keluaran unit.',
        created_at: iso(t),
      });
      mail(task.id, `submitted:${requestId}`, [secretary], 'task_submitted', `[Dikirim] ${task.title}`, t);
      const content = randomBytes(random.int(600, 2400));
      const sha256 = createHash('sha256').update(content).digest('hex');
      blobs.push({ sha256, content: hex(content), size_bytes: content.length });
      files.push({
        regency_code: code,
        task_id: task.id,
        submission_id: submissionId,
        sha256,
        original_name: `keluaran-${unit.code.toLowerCase()}.pdf`,
        media_type: 'application/pdf',
        size_bytes: content.length,
        uploaded_by: officer.id,
        uploaded_at: iso(t),
      });
      return t;
    };
    if (fate === 'done') {
      // One in seven is returned once before it is approved.
      const returned = random.chance(1 / 7);
      const firstSubmit = domain.subtractWorkingDays(closeOn, returned ? 3 : random.int(0, 2), rules);
      submit(firstSubmit < openedOn ? openedOn : firstSubmit, 10);
      if (returned) {
        const t = at(firstSubmit < openedOn ? openedOn : firstSubmit, 15);
        const requestId = `return:${randomUUID()}`;
        event(task.id, 'returned', requestId, secretary, t, { reason: 'Lengkapi data pendukung.' });
        mail(task.id, `returned:${requestId}`, staff, 'task_returned', `[Dikembalikan] ${task.title}`, t);
        submit(
          domain.subtractWorkingDays(closeOn, 1, rules) < openedOn
            ? openedOn
            : domain.subtractWorkingDays(closeOn, 1, rules),
          9,
        );
      }
      const t = at(closeOn, 14, random.int(0, 59));
      const requestId = `approve:${randomUUID()}`;
      event(task.id, 'approved', requestId, secretary, t, { note: '' });
      mail(task.id, `approved:${requestId}`, staff, 'task_approved', `[Disetujui] ${task.title}`, t);
      task.status = 'approved';
      task.closed_at = iso(t);
      task.updated_at = iso(t);
    } else if (fate === 'stuck') {
      if (random.chance(0.3)) {
        submit(minDate(today, domain.addWorkingDays(dueDate, 1, rules)), 10);
        const t = at(minDate(today, domain.addWorkingDays(dueDate, 2, rules)), 11);
        const requestId = `return:${randomUUID()}`;
        event(task.id, 'returned', requestId, secretary, t, { reason: 'Data belum sesuai format.' });
        mail(task.id, `returned:${requestId}`, staff, 'task_returned', `[Dikembalikan] ${task.title}`, t);
        task.status = 'returned';
      }
    } else if (random.chance(0.35)) {
      submit(today < openedOn ? openedOn : minDate(today, dueDate), 8);
      task.status = 'submitted';
    } else if (random.chance(0.3)) {
      task.status = 'approved';
      submit(openedOn, 9);
      const t = at(openedOn, 16);
      event(task.id, 'approved', `approve:${randomUUID()}`, secretary, t, { note: '' });
      task.closed_at = iso(t);
    }
  };

  const stageId = (c) => stored.stageIds.get(c);
  for (const action of plan.actions) {
    let cursor = action.window.start;
    let blocked = false;
    let opened = 0;
    let done = 0;
    const actionId = stored.actionIds.get(action.code);
    for (const stage of [...action.stages].sort((a, b) => a.order - b.order)) {
      const id = stageId(stage.code);
      const rounds = domain.stageRoundDates(stage, action.window);
      const recurring = rounds.length > 1;
      const window = stage.window ?? action.window;
      const start = recurring ? rounds[0] : cursor < window.start ? window.start : cursor;
      if (blocked || start > today) {
        blocked = true;
        continue;
      }
      opened += 1;
      const assignees = [...new Set([stage.ownerUnitCode, ...stage.participantUnitCodes])]
        .filter((c) => c !== null)
        .map((c) => people.unitByCode.get(c))
        .filter((u) => u !== undefined);
      let stageDue = null;
      let stageClosed = null;
      let stuck = false;
      for (const [round, roundDate] of rounds.entries()) {
        const openOn = recurring ? roundDate : start;
        if (openOn > today) break;
        const dueDate = domain.nextWorkingDay(
          domain.dueAfter(openOn, stage.duration ?? { amount: 10, unit: 'workingDays' }, rules),
          rules,
        );
        const roll = random.next();
        // 80 % close on time, 13 % late by a few working days, 7 % are still open past their due day.
        let fate;
        let closeOn = null;
        if (roll < 0.8) {
          fate = 'done';
          closeOn = domain.subtractWorkingDays(dueDate, random.int(0, 2), rules);
          if (closeOn < openOn) closeOn = openOn;
        } else if (roll < 0.93) {
          fate = 'done';
          closeOn = domain.addWorkingDays(dueDate, random.int(1, 6), rules);
        } else fate = 'stuck';
        if (fate === 'done' && closeOn > today) fate = dueDate >= today ? 'running' : 'stuck';
        if (fate === 'stuck' && dueDate >= today) fate = 'running';
        stuck ||= fate !== 'done';
        stageDue = dueDate;
        stageClosed = fate === 'done' ? (stageClosed && stageClosed > closeOn ? stageClosed : closeOn) : stageClosed;
        for (const unit of assignees) {
          const taskId = persistence.uuidFromKey(`stage:${id}:round:${round}:unit:${unit.id}`);
          const task = {
            id: taskId,
            regency_code: code,
            kind: 'cycle',
            cycle_id: stored.cycle.id,
            stage_id: id,
            title: `Aksi ${action.number} — ${stage.title.id}${recurring ? ` (putaran ${round + 1})` : ''}`,
            description: `${action.title.id}: tahap "${stage.title.id}".\n${
              unit.code === stage.ownerUnitCode
                ? 'Unit Anda adalah pemilik tahap ini: siapkan keluaran tahap dan setujui kiriman unit peserta.'
                : 'Unit Anda adalah peserta tahap ini: kirimkan masukan unit Anda.'
            }`,
            assignee_unit_id: unit.id,
            status: 'open',
            due_at: iso(domain.dueInstant(dueDate, zone)),
            escalation_level: 0,
            deliverables: stage.deliverables.map((d) => ({
              kind: { dataTable: 'data_table' }[d.kind] ?? d.kind,
              title: d.title.id,
            })),
            workflow_id: `task:${taskId}`,
            created_by: null,
            created_at: iso(at(openOn, 0, 5)),
            updated_at: iso(at(openOn, 0, 5)),
            closed_at: null,
          };
          // A stuck round still sees most units deliver; one or two hold the stage.
          const unitFate = fate === 'stuck' && random.chance(0.5) ? 'done' : fate;
          const unitClose = unitFate === 'done' ? (closeOn ?? minDate(today, dueDate)) : null;
          lifeOf(task, unit, dueDate, openOn, unitFate, unitClose);
          tasks.push(task);
        }
      }
      const windowOver = window.end < today;
      const stageDone = !stuck && (!recurring || windowOver);
      if (stageDone) done += 1;
      else if (!recurring) blocked = true;
      stageUpdates.push({
        id,
        status: stageDone ? 'done' : start > window.end ? 'late' : 'in_progress',
        opened_at: iso(at(start, 0, 1)),
        due_at: stageDue ? iso(domain.dueInstant(stageDue, zone)) : null,
        closed_at: stageDone && stageClosed ? iso(at(stageClosed, 15)) : null,
      });
      if (stageClosed && !recurring) cursor = domain.nextWorkingDay(stageClosed, rules);
    }
    const status = opened === 0 ? 'not_started' : done === action.stages.length ? 'done' : 'in_progress';
    actionUpdates.push({ id: actionId, status });
    if (status === 'done' || done > 0) {
      const owner = secretary;
      const steps = ['data_entered', 'documents_uploaded', 'verified_by_bappeda', 'reviewed_by_province'];
      const reached = status === 'done' ? random.int(2, 4) : random.int(0, 1);
      for (let i = 0; i < reached; i += 1) {
        milestones.push({
          action_id: actionId,
          milestone: steps[i],
          reached_on: minDate(today, domain.addWorkingDays(action.window.end, 5 + i * 5, rules)),
          note: '',
          recorded_by: owner.id,
          recorded_at: iso(at(minDate(today, domain.addWorkingDays(action.window.end, 5 + i * 5, rules)), 10)),
        });
      }
    }
  }

  // Ad-hoc tasks the secretariat hands out through the year.
  for (let i = 0; i < params.adhoc; i += 1) {
    const unit = random.pick(people.units.filter((u) => people.staff(u.id).length > 0));
    if (!unit) break;
    const openedOn = domain.nextWorkingDay(
      domain.addCalendarDays(`${year}-01-02`, Math.floor((i * 330) / Math.max(1, params.adhoc))),
      rules,
    );
    if (openedOn > today) break;
    const dueDate = domain.addWorkingDays(openedOn, random.int(5, 15), rules);
    const taskId = randomUUID();
    const task = {
      id: taskId,
      regency_code: code,
      kind: 'ad_hoc',
      cycle_id: null,
      stage_id: null,
      title: `Permintaan data ${random.pick(['cakupan layanan', 'anggaran', 'sasaran', 'kegiatan', 'dokumen'])} #${i + 1}`,
      description: 'Tugas tambahan dari sekretariat TPPS.',
      assignee_unit_id: unit.id,
      status: 'open',
      due_at: iso(domain.dueInstant(dueDate, zone)),
      escalation_level: 0,
      deliverables: [{ kind: 'document', title: 'Dokumen pendukung' }],
      workflow_id: `task:${taskId}`,
      created_by: secretary.id,
      created_at: iso(at(openedOn, 8)),
      updated_at: iso(at(openedOn, 8)),
      closed_at: null,
    };
    const roll = random.next();
    const fate = dueDate >= today ? 'running' : roll < 0.9 ? 'done' : 'stuck';
    const closeOn =
      roll < 0.75
        ? domain.subtractWorkingDays(dueDate, random.int(0, 3), rules)
        : domain.addWorkingDays(dueDate, random.int(1, 5), rules);
    lifeOf(
      task,
      unit,
      dueDate,
      openedOn,
      fate,
      fate === 'done' ? (closeOn < openedOn ? openedOn : minDate(today, closeOn)) : null,
    );
    tasks.push(task);
  }

  // The stunting case audits of both semesters, with follow-up tasks from their recommendations.
  const aksTemplate = domain.nationalTemplate.aks[0];
  const audits = [];
  const aksStages = [];
  const team = [];
  const recommendations = [];
  for (const semester of [1, 2]) {
    const startOn = domain.nextWorkingDay(semester === 1 ? `${year}-03-02` : `${year}-08-03`, rules);
    if (startOn > today) continue;
    const auditId = randomUUID();
    let cursor = startOn;
    let current = null;
    for (const stage of [...aksTemplate.stages].sort((a, b) => a.order - b.order)) {
      if (cursor > today) break;
      const due = domain.nextWorkingDay(domain.dueAfter(cursor, stage.duration.value, rules), rules);
      const completed = due < today;
      aksStages.push({
        audit_id: auditId,
        code: stage.code,
        stage_order: stage.order,
        title: stage.title.id,
        owner_role: stage.owner.value,
        milestones: [...(stage.milestones ?? [])],
        status: completed ? 'done' : 'open',
        opened_at: iso(at(cursor, 8)),
        due_at: iso(domain.dueInstant(due, zone)),
        months_open: 0,
        completed_at: completed ? iso(at(due, 13)) : null,
        completed_by: completed ? secretary.id : null,
      });
      if (!completed) current = stage.code;
      cursor = domain.nextWorkingDay(domain.addCalendarDays(due, 1), rules);
    }
    audits.push({
      id: auditId,
      regency_code: code,
      year,
      semester,
      template_code: aksTemplate.code,
      current_stage: current,
      status: current ? 'running' : 'completed',
      workflow_id: `aks-audit:${code}:${year}:${semester}`,
      report_status: current ? 'none' : 'submitted',
      report: null,
      created_by: secretary.id,
      created_at: iso(at(startOn, 8)),
    });
    const aksUnit = people.unitByCode.get('TIM_AKS');
    const expertUnit = people.unitByCode.get('TIM_PAKAR');
    const technical = [
      ...(aksUnit ? people.staff(aksUnit.id) : []),
      ...people.staff(people.unitByCode.get('DINKES')?.id),
    ];
    const experts = expertUnit ? people.staff(expertUnit.id) : [];
    const seen = new Set();
    for (const [list, kind] of [
      [technical, 'technical'],
      [experts, 'expert'],
    ]) {
      for (const [index, member] of list.entries()) {
        if (seen.has(member.id)) continue;
        seen.add(member.id);
        team.push({
          audit_id: auditId,
          user_id: member.id,
          team: kind,
          lead: kind === 'technical' && index === 0,
          specialty: kind === 'expert' ? 'dokter spesialis anak' : null,
        });
      }
    }
    for (let r = 0; r < 6; r += 1) {
      const unit = random.pick(people.units);
      let followUp = null;
      if (r < 4 && !current) {
        const dueDate = domain.addWorkingDays(cursor, 20, rules);
        const taskId = randomUUID();
        const task = {
          id: taskId,
          regency_code: code,
          kind: 'aks_follow_up',
          cycle_id: null,
          stage_id: null,
          title: `Tindak lanjut AKS semester ${semester}: rekomendasi ${r + 1}`,
          description: 'Rencana tindak lanjut hasil audit kasus stunting.',
          assignee_unit_id: unit.id,
          status: 'open',
          due_at: iso(domain.dueInstant(dueDate, zone)),
          escalation_level: 0,
          deliverables: [{ kind: 'document', title: 'Laporan tindak lanjut' }],
          workflow_id: `task:${taskId}`,
          created_by: secretary.id,
          created_at: iso(at(minDate(today, cursor), 9)),
          updated_at: iso(at(minDate(today, cursor), 9)),
          closed_at: null,
        };
        if (people.staff(unit.id).length > 0 && cursor <= today) {
          const fate = dueDate >= today ? 'running' : 'done';
          lifeOf(task, unit, dueDate, cursor, fate, fate === 'done' ? dueDate : null);
          tasks.push(task);
          followUp = taskId;
        }
      }
      recommendations.push({
        audit_id: auditId,
        case_id: null,
        text: `Rekomendasi ${r + 1} audit semester ${semester}.`,
        unit_id: unit.id,
        accepted: followUp !== null,
        follow_up_task_id: followUp,
      });
    }
  }

  // Indicator values of both semesters (the second partly entered so far), by the responsible units.
  const indicators = domain.semesterReportIndicators().filter((i) => !i.derived);
  const values = [];
  for (const semester of [1, 2]) {
    const opensOn = semester === 1 ? `${year}-07-01` : `${year}-12-01`;
    const share = opensOn <= today ? 1 : semester === 2 ? 0.6 : 0;
    for (const indicator of indicators) {
      if (!random.chance(share)) continue;
      const unit =
        people.units.find((u) => u.role_codes.includes(indicator.responsible?.value)) ??
        people.unitByCode.get('BAPPEDA');
      const submitter = (unit && people.officers(unit.id)[0]) ?? secretary;
      const row = {
        regency_code: code,
        year,
        semester,
        indicator_code: indicator.code,
        numerator: null,
        denominator: null,
        count_value: null,
        answer: null,
        percent_value: null,
        reported_kind: indicator.kind,
        reported_code: indicator.code,
        submitted_by: submitter.id,
        review_status: random.chance(0.8) ? 'approved' : 'submitted',
        submitted_at: iso(at(minDate(today, semester === 1 ? `${year}-07-10` : today), 10)),
      };
      if (indicator.kind === 'yesNo') row.answer = random.chance(0.8) ? 'Ya' : 'Tidak';
      else if (indicator.kind === 'count') row.count_value = random.int(0, 40);
      else if (indicator.kind === 'directPercentage') row.percent_value = random.int(40, 100);
      else {
        const denominator = random.int(200, 4000);
        row.denominator = denominator;
        row.numerator = Math.round(denominator * (0.4 + random.next() * 0.6));
      }
      values.push(row);
    }
  }

  // Planned activities (Aksi 2/3): three per sector unit.
  const sectorUnits = people.units.filter(
    (u) => !['WALIKOTA', 'KETUA_TPPS', 'DPRD', 'TAPD', 'NON_PEMERINTAH'].includes(u.code),
  );
  const activities = [];
  for (const unit of sectorUnits.slice(0, 18)) {
    for (let k = 0; k < 3; k += 1) {
      const statuses = ['belum', 'diusulkan', 'tercantum'];
      activities.push({
        regency_code: code,
        year,
        unit_id: unit.id,
        name: `Kegiatan ${k + 1} ${unit.name}`,
        intervention: ['DINKES', 'PUSKESMAS', 'P3AP2KB'].includes(unit.code) ? 'spesifik' : 'sensitif',
        target: `${random.int(50, 2000)} sasaran`,
        location: 'Desa/kelurahan lokus',
        budget: random.int(10, 900) * 1_000_000,
        funding_source: random.pick(['apbd_kabupaten_kota', 'apbd_provinsi', 'apbn', 'dak_non_fisik', 'dana_desa']),
        rkpd_status: random.pick(statuses),
        renja_status: random.pick(statuses),
        kua_ppas_status: random.pick(statuses),
        rka_status: random.pick(statuses),
        created_by: secretary.id,
      });
    }
  }

  // Village situation (Aksi 1): the health office's prevalence and cases, two sectors' coverage; a confirmed lokus list.
  const villages = (
    await db.query(
      `SELECT v.code FROM region v JOIN region d ON d.code = v.parent_code WHERE d.parent_code = $1 AND v.level = 'village' ORDER BY v.code`,
      [code],
    )
  ).rows.map((r) => r.code);
  const coverageCodes = domain.mainCoverageIndicators.slice(0, 8).map((i) => i.code);
  const situations = [];
  const lokus = [];
  const reporters = ['DINKES', 'DINSOS', 'PU_CIPTA_KARYA'].map((c) => people.unitByCode.get(c)).filter(Boolean);
  for (const village of villages) {
    for (const [index, unit] of reporters.entries()) {
      const coverage = {};
      for (const c of coverageCodes.slice(index * 3, index * 3 + 3)) coverage[c] = random.int(30, 100);
      situations.push({
        cycle_id: stored.cycle.id,
        village_code: village,
        unit_id: unit.id,
        prevalence: index === 0 ? (random.int(50, 350) / 10).toFixed(2) : null,
        cases: index === 0 ? random.int(3, 80) : null,
        coverage,
        submitted_by: people.officers(unit.id)[0]?.id ?? null,
      });
    }
  }
  for (const [rank, village] of villages
    .filter(() => random.chance(0.25))
    .slice(0, 10)
    .entries()) {
    lokus.push({
      cycle_id: stored.cycle.id,
      village_code: village,
      rank: rank + 1,
      basis: { source: 'analysis' },
      status: 'confirmed',
      decided_by: secretary.id,
      decided_at: iso(at(`${year}-02-20`, 10)),
    });
  }

  // The semester report of the first half: compiled and sent; and a few final grades by the province.
  const reports = [];
  if (`${year}-07-15` <= today) {
    reports.push({
      regency_code: code,
      year,
      semester: 1,
      format: 'json',
      status: 'ready',
      snapshot: { regency: { code }, year, semester: 1 },
      lifecycle: 'sent',
      created_by: secretary.id,
      created_at: iso(at(`${year}-07-15`, 9)),
      completed_at: iso(at(`${year}-07-15`, 9)),
      sent_by: secretary.id,
      sent_at: iso(at(`${year}-07-20`, 9)),
    });
  }

  await insertRows(db, 'task', tasks, counts);
  await insertRows(db, 'task_event', events, counts);
  await insertRows(db, 'submission', submissions, counts);
  await insertRows(db, 'evidence_blob', blobs, counts);
  await insertRows(db, 'evidence_file', files, counts);
  await insertRows(db, 'mail_outbox', mails, counts);
  await insertRows(db, 'escalation_notice', notices, counts);
  await insertRows(db, 'portal_milestone', milestones, counts);
  await insertRows(db, 'aks_audit', audits, counts);
  await insertRows(db, 'aks_stage', aksStages, counts);
  await insertRows(db, 'aks_team_member', team, counts);
  await insertRows(db, 'aks_recommendation', recommendations, counts);
  await insertRows(db, 'indicator_value', values, counts);
  await insertRows(db, 'planned_activity', activities, counts);
  await insertRows(db, 'village_situation', situations, counts);
  await insertRows(db, 'lokus_village', lokus, counts);
  await insertRows(db, 'compiled_report', reports, counts);
  await db.query(
    `UPDATE action_stage s SET status = u.status, opened_at = u.opened_at, due_at = u.due_at, closed_at = u.closed_at
       FROM json_populate_recordset(NULL::action_stage, $1::json) u WHERE s.id = u.id`,
    [JSON.stringify(stageUpdates)],
  );
  await db.query(
    `UPDATE cycle_action a SET status = u.status FROM json_populate_recordset(NULL::cycle_action, $1::json) u WHERE a.id = u.id`,
    [JSON.stringify(actionUpdates)],
  );
  await db.query(`UPDATE cycle SET status = 'in_progress' WHERE id = $1`, [stored.cycle.id]);
}

/** A year for every regency of the province (and Kota Dumai), the synthetic ones created first. */
async function generateData(stack) {
  const counts = new Map();
  const { db } = stack;
  const domain = require(join(root, 'libs', 'domain', 'dist', 'index.js'));
  const persistence = require(join(root, 'libs', 'persistence', 'dist', 'index.js'));
  const synthetic = await createSyntheticRegencies(db, params.regencies - 1, counts);
  const dataSource = await persistence
    .createDataSource({ url: stack.databaseUrl, applicationName: 'konvergensi-bench-data', poolSize: 2 })
    .initialize();
  try {
    const regencies = [regencyCode, '14.72', ...synthetic];
    for (const [index, code] of regencies.entries()) {
      checkInterrupted();
      await generateRegencyYear({
        db,
        dataSource,
        domain,
        persistence,
        code,
        year: params.year,
        seed: 1000 + index,
        counts,
      });
    }
  } finally {
    await dataSource.destroy();
  }
  // The planner's statistics as autovacuum would have them after a year of writes.
  await db.query('ANALYZE');
  return counts;
}

// ---------------------------------------------------------------- query tracing inside the API

/**
 * A preload for the API process: counts every query its pg clients send and, between two
 * SIGUSR2, records each query's text, parameters and round-trip time. Each SIGUSR2 dumps the
 * count and the trace so far into a file and toggles tracing.
 */
const tracerSource = `
const { writeFileSync, renameSync } = require('node:fs');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const inspector = require('node:inspector');
const pg = require(require.resolve('pg', { paths: [process.cwd()] }));
const dir = process.env.BENCH_QUERY_TRACE_DIR;
let count = 0;
let tracing = false;
let trace = [];
let dumps = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, values, callback) {
  count += 1;
  if (!tracing || typeof values === 'function' || typeof callback === 'function' || typeof config?.submit === 'function')
    return query.apply(this, arguments);
  const started = performance.now();
  const entry = { text: typeof config === 'string' ? config : config?.text, values: Array.isArray(values) ? values : config?.values };
  const result = query.apply(this, arguments);
  const done = () => { entry.ms = performance.now() - started; trace.push(entry); };
  if (result && typeof result.then === 'function') result.then(done, done);
  return result;
};
const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 250 });
// Self time of the sampled CPU profile by function and by module (package or workspace project),
// and inclusive time by the nearest frame of the product's own code (apps/*, libs/*).
// Each sample counts for the time to the next one, capped, so an idle gap is not charged to a frame.
function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + Math.min(profile.timeDeltas[i + 1] ?? 0, 1000) / 1000));
  const functions = new Map();
  const modules = new Map();
  const product = new Map();
  let total = 0;
  const moduleOf = (frame) => {
    const url = frame.url || '';
    return /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(url)?.[1] ??
      /\\/((?:apps|libs)\\/[^/]+)\\//.exec(url)?.[1] ?? (url.startsWith('node:') ? 'node internals' : frame.functionName || '(native)');
  };
  const label = (frame) => (frame.functionName || '(anonymous)') + ' ' + moduleOf(frame) + (frame.url ? ':' + frame.url.split('/').pop() + ':' + (frame.lineNumber + 1) : '');
  for (const [id, ms] of self) {
    const frame = byId.get(id).callFrame;
    if (['(idle)', '(program)', '(root)', 'dispatch'].includes(frame.functionName)) continue;
    total += ms;
    functions.set(label(frame), (functions.get(label(frame)) ?? 0) + ms);
    modules.set(moduleOf(frame), (modules.get(moduleOf(frame)) ?? 0) + ms);
    let at = id;
    while (at !== undefined && !/\\/(apps|libs)\\/[^/]+\\/dist\\//.test(byId.get(at).callFrame.url || '')) at = parent.get(at);
    const owner = at === undefined ? '(outside the product: framework, driver, GC)' : label(byId.get(at).callFrame);
    product.set(owner, (product.get(owner) ?? 0) + ms);
  }
  const top = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
  return { totalMs: total, functions: top(functions), modules: top(modules), product: top(product) };
}
process.on('SIGUSR2', () => {
  dumps += 1;
  const file = join(dir, 'dump-' + dumps + '.json');
  const write = (cpu) => {
    writeFileSync(file + '.tmp', JSON.stringify({ count, trace, cpu }));
    renameSync(file + '.tmp', file);
    trace = [];
  };
  tracing = !tracing;
  if (tracing) session.post('Profiler.start', () => write(null));
  else session.post('Profiler.stop', (error, result) => write(error ? null : summarise(result.profile)));
});
`;

function queryTracer() {
  const dir = mkdtempSync(join(os.tmpdir(), 'konvergensi-bench-reads-trace-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const preload = join(dir, 'trace-queries.cjs');
  writeFileSync(preload, tracerSource);
  let dumps = 0;
  let pid;
  return {
    env: { NODE_OPTIONS: `--require ${preload}`, BENCH_QUERY_TRACE_DIR: dir },
    attach: (apiPid) => {
      pid = apiPid;
    },
    /** Asks the API for its count (and the trace since the last dump) and toggles tracing. */
    async dump() {
      dumps += 1;
      const file = join(dir, `dump-${dumps}.json`);
      process.kill(pid, 'SIGUSR2');
      await until('the API to dump its query trace', 10_000, () => existsSync(file), { everyMs: 20 });
      return JSON.parse(readFileSync(file, 'utf8'));
    },
  };
}

// ---------------------------------------------------------------- measuring

/** GET with a session; the body is read in full (as bytes: reports are binary). */
async function get(baseUrl, path, token) {
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(120_000),
  });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200)
    throw new Error(`GET ${path}: ${response.status} ${body.toString('utf8').slice(0, 200)}`);
  return body;
}

/** CPU seconds of the API process and of PostgreSQL's backends of the bench database. */
async function cpuNow(stack) {
  // Per backend, so a pooled connection that closes or opens during the phase does not make the
  // sum jump (an exited backend's share is lost: the figure is a lower bound).
  const backends = (
    await stack.db.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
          AND application_name <> 'konvergensi-bench'`,
    )
  ).rows;
  return {
    api: processUsage(stack.pids.API).cpuSeconds ?? NaN,
    postgres: new Map(backends.map((b) => [b.pid, processUsage(b.pid).cpuSeconds ?? 0])),
  };
}

function postgresCpuBetween(before, after) {
  let seconds = 0;
  for (const [pid, cpu] of after.postgres) seconds += cpu - (before.postgres.get(pid) ?? 0);
  return seconds;
}

/** `count` timed GETs of `path`, `concurrency` lanes each with its own session, after a warm-up. */
async function measure(stack, { path, tokens, count, concurrency, warmup }) {
  if (warmup > 0)
    await runPhase(
      Array.from({ length: warmup }, (_, i) => i),
      concurrency,
      (_, lane) => get(stack.baseUrl, path, tokens[lane]),
    );
  const before = await cpuNow(stack);
  const result = await runPhase(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    async (_, lane) => {
      const t0 = performance.now();
      const body = await get(stack.baseUrl, path, tokens[lane % tokens.length]);
      return { ms: performance.now() - t0, bytes: body.length };
    },
    { timeoutMs: 600_000 },
  );
  const after = await cpuNow(stack);
  const stats = summarize(result.samples.map((s) => s.ms));
  return {
    ...stats,
    errors: result.errors.length,
    firstError: result.errors[0],
    throughput: result.samples.length / (result.wallMs / 1000),
    bytes: result.samples[0]?.bytes ?? 0,
    apiCpuMs: ((after.api - before.api) * 1000) / Math.max(1, result.samples.length),
    pgCpuMs: (postgresCpuBetween(before, after) * 1000) / Math.max(1, result.samples.length),
  };
}

/** Queries per request and the heaviest statements of `path`, from the API's own pg clients. */
async function profile(stack, tracer, path, token) {
  await get(stack.baseUrl, path, token); // caches warm
  const start = await tracer.dump();
  const t0 = performance.now();
  for (let i = 0; i < params.profileRequests; i += 1) await get(stack.baseUrl, path, token);
  const wallMs = (performance.now() - t0) / params.profileRequests;
  const end = await tracer.dump();
  const perRequest = (end.count - start.count) / params.profileRequests;
  const byText = new Map();
  for (const entry of end.trace) {
    const text = String(entry.text ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    const group = byText.get(text) ?? { text, calls: 0, ms: 0, values: entry.values };
    group.calls += 1;
    group.ms += entry.ms ?? 0;
    byText.set(text, group);
  }
  const dbMs = end.trace.reduce((sum, e) => sum + (e.ms ?? 0), 0) / params.profileRequests;
  const top = [...byText.values()].sort((a, b) => b.ms - a.ms);
  return { path, perRequest, dbMs, wallMs, top, distinct: byText.size, cpu: end.cpu };
}

/** EXPLAIN (ANALYZE, BUFFERS) of a traced SELECT with the parameters it ran with. */
async function explain(db, { text, values }) {
  if (!/^select/i.test(text)) return null;
  const rows = (await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values ?? [])).rows.map((r) => r['QUERY PLAN']);
  return rows;
}

function planSummary(lines) {
  const execution = lines.find((l) => l.startsWith('Execution Time'))?.replace('Execution Time: ', '') ?? '?';
  const scans = [
    ...new Set(
      lines
        .map((l) =>
          /(Seq Scan|Bitmap Index Scan|Bitmap Heap Scan|Index Only Scan|Index Scan) (?:using (\S+) )?on (\S+)/.exec(l),
        )
        .filter(Boolean)
        .map((m) => `${m[1]}${m[2] ? ` ${m[2]}` : ''} on ${m[3]}`),
    ),
  ];
  return { execution, scans };
}

/** pdfkit / exceljs on their own: the JSON report rendered in this process. */
async function renderTimes(report, runs) {
  const reporting = require(join(root, 'libs', 'reporting', 'dist', 'index.js'));
  const out = {};
  for (const [name, render] of [
    ['xlsx (exceljs)', reporting.renderSemesterReportXlsx],
    ['pdf (pdfkit)', reporting.renderSemesterReportPdf],
  ]) {
    await render(report);
    const times = [];
    for (let i = 0; i < runs; i += 1) times.push((await timed(() => render(report))).ms);
    out[name] = summarize(times);
  }
  return out;
}

// ---------------------------------------------------------------- the run

const short = (text, max = 160) => (text.length > max ? `${text.slice(0, max)}…` : text);

async function main() {
  const startedAt = new Date();
  log(
    `bench:reads: year ${params.year}, ${params.regencies} regencies in province ${provinceCode}, N=${params.requests} at concurrency ${params.concurrency.join(', ')}`,
  );
  prepareBuild({ skipBuild: params.skipBuild });
  const tracer = queryTracer();
  const stack = await startBenchStack({
    name: 'bench-reads',
    apiEnv: tracer.env,
  });
  tracer.attach(stack.pids.API);
  const { db, http, demoPassword } = stack;
  // The reads need no workflow: the worker only adds noise to the CPU figures from here on.
  await stack.children.worker.stop();

  const tableNames = (
    await db.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY 1`,
    )
  ).rows.map((r) => r.tablename);
  log(`Generating a year of data (${params.year}) for ${params.regencies + 1} regencies…`);
  const generation = await timed(() => generateData(stack));
  const counts = generation.value;
  const totals = new Map();
  for (const table of tableNames) totals.set(table, Number((await stack.one(`SELECT count(*) AS n FROM ${table}`)).n));
  const databaseSize = (await stack.one(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`)).s;
  log(`  done in ${fmt(generation.ms / 1000)} s; database ${databaseSize}`);
  const metroCounts = await stack.one(
    `SELECT (SELECT count(*) FROM task WHERE regency_code = $1) AS tasks,
            (SELECT count(*) FROM task t JOIN unit u ON u.id = t.assignee_unit_id WHERE t.regency_code = $1 AND u.code = $2) AS unit_tasks,
            (SELECT count(*) FROM task_event e JOIN task t ON t.id = e.task_id WHERE t.regency_code = $1) AS events`,
    [regencyCode, inboxUnit],
  );

  const byStatus = (
    await db.query(
      `SELECT status, count(*)::int AS n, count(*) FILTER (WHERE escalation_level >= 2)::int AS escalated
         FROM task GROUP BY status ORDER BY n DESC`,
    )
  ).rows;

  // Sessions: one per lane and user (argon2id logins, not timed).
  const lanes = Math.max(...params.concurrency);
  const sessions = {};
  for (const [role, username] of Object.entries(users)) {
    sessions[role] = [];
    for (let i = 0; i < lanes; i += 1) sessions[role].push(await http.login(username, demoPassword));
  }

  const year = params.year;
  const reads = [
    { name: 'baseline: GET /api/v1/me (OPD officer)', path: '/api/v1/me', who: 'officer', baseline: true },
    { name: 'TPPS dashboard (chair)', path: `/api/v1/regencies/${regencyCode}/dashboard?year=${year}`, who: 'chair' },
    { name: 'cycle status (chair)', path: `/api/v1/regencies/${regencyCode}/cycles/${year}/status`, who: 'chair' },
    {
      name: 'OPD inbox, BAPPEDA officer (open/returned/submitted, page 1 of 25)',
      path: '/api/v1/tasks?page=1&pageSize=25&status=open%2Creturned%2Csubmitted',
      who: 'officer',
    },
    {
      name: 'TPPS inbox, secretary (all statuses, page 1 of 25)',
      path: '/api/v1/tasks?page=1&pageSize=25',
      who: 'secretary',
    },
  ];
  const province = {
    name: `province overview, ${params.regencies} regencies (province viewer)`,
    path: `/api/v1/provinces/${provinceCode}/overview?year=${year}`,
    who: 'province',
  };
  const reportPath = `/api/v1/regencies/${regencyCode}/reports/${year}/1`;
  const reportReads = [
    { name: 'semester report 1, JSON', path: reportPath, who: 'secretary' },
    { name: 'semester report 1, .xlsx', path: reportPath.replace(/\/1$/, '/1.xlsx'), who: 'secretary' },
    { name: 'semester report 1, .pdf', path: reportPath.replace(/\/1$/, '/1.pdf'), who: 'secretary' },
  ];

  // Sanity: every read answers 200 with the data in it.
  const provinceBody = JSON.parse((await get(stack.baseUrl, province.path, sessions.province[0])).toString('utf8'));
  if (provinceBody.regencies.length !== params.regencies || provinceBody.regencies.some((r) => !r.hasCycle))
    throw new Error(`the province overview shows ${provinceBody.regencies.length} regencies, not all with a cycle`);
  const inbox = JSON.parse((await get(stack.baseUrl, reads[3].path, sessions.officer[0])).toString('utf8'));
  log(
    `  Kota Metro: ${metroCounts.tasks} tasks (${metroCounts.unit_tasks} ${inboxUnit}), ${metroCounts.events} events; ${inboxUnit} inbox total ${inbox.total}`,
  );

  const rows = [];
  for (const concurrency of params.concurrency) {
    for (const read of reads) {
      log(`— ${read.name} at concurrency ${concurrency}…`);
      const result = await measure(stack, {
        path: read.path,
        tokens: sessions[read.who],
        count: params.requests,
        concurrency,
        warmup: params.warmup,
      });
      log(
        `  p50 ${fmt(result.p50)} / p95 ${fmt(result.p95)} / p99 ${fmt(result.p99)} ms, ${fmt(result.throughput)} req/s, ${result.errors} errors`,
      );
      if (result.firstError) log(`  error: ${result.firstError}`);
      rows.push({ concurrency, read, result });
    }
  }
  log(`— ${province.name}, ${params.provinceRuns} runs…`);
  const provinceResult = await measure(stack, {
    path: province.path,
    tokens: sessions.province,
    count: params.provinceRuns,
    concurrency: 1,
    warmup: 2,
  });
  // The API runs a request's JavaScript on one thread: while an overview computes, what else waits?
  log('— GET /api/v1/me while province overviews run back to back…');
  let overviewsRunning = true;
  const overviews = (async () => {
    for (let i = 0; i < 3; i += 1) await get(stack.baseUrl, province.path, sessions.province[0]);
    overviewsRunning = false;
  })();
  const beside = [];
  while (overviewsRunning) {
    const t0 = performance.now();
    await get(stack.baseUrl, '/api/v1/me', sessions.officer[0]);
    beside.push(performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await overviews;
  const besideOverview = summarize(beside);
  const reportResults = [];
  for (const read of reportReads) {
    log(`— ${read.name}, ${params.reportRuns} runs…`);
    reportResults.push({
      read,
      result: await measure(stack, {
        path: read.path,
        tokens: sessions.secretary,
        count: params.reportRuns,
        concurrency: 1,
        warmup: 2,
      }),
    });
  }
  const reportJson = JSON.parse((await get(stack.baseUrl, reportPath, sessions.secretary[0])).toString('utf8'));
  delete reportJson.lifecycle;
  const renders = await renderTimes(reportJson, params.reportRuns);

  // Profiles: queries per request, the heaviest statements and their plans.
  log('Profiling the queries of each read…');
  const profiles = [];
  for (const read of [...reads, province, ...reportReads]) {
    const p = await profile(stack, tracer, read.path, sessions[read.who][0]);
    const plans = [];
    for (const q of p.top.slice(0, read === province ? 3 : 2)) {
      try {
        const plan = await explain(db, q);
        if (plan)
          plans.push({
            text: q.text,
            calls: q.calls / params.profileRequests,
            ms: q.ms / params.profileRequests,
            ...planSummary(plan),
            plan,
          });
      } catch (error) {
        plans.push({
          text: q.text,
          calls: q.calls / params.profileRequests,
          ms: q.ms / params.profileRequests,
          execution: `EXPLAIN failed: ${error.message}`,
          scans: [],
          plan: [],
        });
      }
    }
    profiles.push({ read, ...p, plans });
    log(`  ${read.name}: ${fmt(p.perRequest)} queries/request, ${fmt(p.dbMs)} ms in queries of ${fmt(p.wallMs)} ms`);
  }

  // ------------------------------------------------------------ the section
  const machine = stack.machine();
  const usage = stack.usage();
  const baselineAt = (c) => rows.find((r) => r.concurrency === c && r.read.baseline)?.result;
  const profileOf = (path) => profiles.find((p) => p.path === path);
  const table = [
    '| concurrency | read | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms | p50 / baseline | p95 / baseline | queries / request | API CPU ms / request | PostgreSQL CPU ms / request | response KiB |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const { concurrency, read, result } of rows) {
    const base = baselineAt(concurrency);
    table.push(
      `| ${concurrency} | ${read.name} | ${result.n} | ${result.errors} | ${fmt(result.throughput)} | ${fmt(result.p50)} | ${fmt(result.p95)} | ${fmt(result.p99)} | ${fmt(result.max)} | ${read.baseline ? '1.00×' : ratio(result.p50, base?.p50)} | ${read.baseline ? '1.00×' : ratio(result.p95, base?.p95)} | ${fmt(profileOf(read.path)?.perRequest)} | ${fmt(result.apiCpuMs)} | ${fmt(result.pgCpuMs)} | ${fmt(result.bytes / 1024)} |`,
    );
  }
  const base1 = baselineAt(1);
  const single = [
    '| read (one at a time) | runs | errors | p50 ms | p95 ms | max ms | p50 / baseline | queries / request | time in queries ms / request | API CPU ms / request | PostgreSQL CPU ms / request | response KiB |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const { read, result } of [{ read: province, result: provinceResult }, ...reportResults]) {
    const p = profileOf(read.path);
    single.push(
      `| ${read.name} | ${result.n} | ${result.errors} | ${fmt(result.p50)} | ${fmt(result.p95)} | ${fmt(result.max)} | ${ratio(result.p50, base1?.p50)} | ${fmt(p?.perRequest)} | ${fmt(p?.dbMs)} | ${fmt(result.apiCpuMs)} | ${fmt(result.pgCpuMs)} | ${fmt(result.bytes / 1024)} |`,
    );
  }
  single.push(
    `| baseline GET /api/v1/me, one at a time, while 3 province overviews run back to back | ${besideOverview.n} | 0 | ${fmt(besideOverview.p50)} | ${fmt(besideOverview.p95)} | ${fmt(besideOverview.max)} | ${ratio(besideOverview.p50, base1?.p50)} | | | | | |`,
  );
  for (const [name, s] of Object.entries(renders)) {
    single.push(
      `| rendering only, in-process: ${name} | ${s.n} | 0 | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.max)} | | 0 | 0 | | | |`,
    );
  }
  const profileTable = [
    '| read | queries / request | distinct statements | time in queries ms / request (client side) | request ms (sequential) | heaviest statements: calls / request, ms / request, EXPLAIN ANALYZE execution, access paths |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const p of profiles) {
    const heavy = p.plans
      .map(
        (q) =>
          `\`${short(q.text, 110).replace(/\|/g, '\\|')}\`: ${fmt(q.calls)} × , ${fmt(q.ms)} ms; ${q.execution}; ${q.scans.join(', ') || '–'}`,
      )
      .join('<br>');
    profileTable.push(
      `| ${p.read.name} | ${fmt(p.perRequest)} | ${p.distinct} | ${fmt(p.dbMs)} | ${fmt(p.wallMs)} | ${heavy} |`,
    );
  }
  const perReq = (ms) => fmt(ms / params.profileRequests);
  const cpuTable = [
    '| read | sampled API CPU ms / request | by module, ms / request | hottest functions (self time), ms / request | product code holding the CPU (inclusive), ms / request |',
    '| --- | ---: | --- | --- | --- |',
    ...profiles
      .filter((p) => p.cpu)
      .map(
        (p) =>
          `| ${p.read.name} | ${perReq(p.cpu.totalMs)} | ${p.cpu.modules.map(([m, ms]) => `${m} ${perReq(ms)}`).join(', ')} | ${p.cpu.functions
            .slice(0, 4)
            .map(([f, ms]) => `\`${f.replace(/\|/g, '\\|')}\` ${perReq(ms)}`)
            .join('<br>')} | ${p.cpu.product
            .slice(0, 4)
            .map(([f, ms]) => `\`${f.replace(/\|/g, '\\|')}\` ${perReq(ms)}`)
            .join('<br>')} |`,
      ),
  ];
  const generatedRows = [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  const dataTable = [
    '| table | rows generated | rows in the database |',
    '| --- | ---: | ---: |',
    ...generatedRows.map(([t, n]) => `| ${t} | ${n} | ${totals.get(t) ?? ''} |`),
  ];
  const durationS = (Date.now() - startedAt.getTime()) / 1000;
  const section = [
    `Run of ${startedAt.toISOString().replace(/\.\d+Z$/, 'Z')} (commit \`${machine.commit}\`, ${Math.round(durationS)} s in all): year ${year} as of ${new Date().toISOString().slice(0, 10)}, ` +
      `${params.regencies} regencies in province ${provinceCode} (Kota Metro and ${params.regencies - 1} synthetic) and Kota Dumai, each with a year of data; ` +
      `N = ${params.requests} timed requests per read and concurrency after ${params.warmup} untimed, ${params.provinceRuns} province overviews and ${params.reportRuns} reports per format one at a time.`,
    '',
    machineTable(machine),
    '',
    `**Data** (generated in ${fmt(generation.ms / 1000)} s, database ${databaseSize} after ANALYZE). Kota Metro: ${metroCounts.tasks} tasks (${metroCounts.unit_tasks} assigned to ${inboxUnit}), ${metroCounts.events} task events; the ${inboxUnit} officer's inbox (its own tasks and those of the stages it owns, open/returned/submitted) holds ${inbox.total} tasks.`,
    '',
    ...dataTable,
    '',
    `Tasks by status (all regencies): ${byStatus.map((r) => `${r.status} ${r.n} (${r.escalated} escalated to level 2+)`).join(', ')}.`,
    '',
    '**Regency reads at fixed concurrency** (each lane its own session; ratios against the baseline at the same concurrency):',
    '',
    ...table,
    '',
    '**Province roll-up and semester report** (sequential):',
    '',
    ...single,
    '',
    `**Where the time goes** (${params.profileRequests} sequential requests per read with every query of the API's pg clients traced; EXPLAIN (ANALYZE, BUFFERS) re-run with the traced parameters):`,
    '',
    ...profileTable,
    '',
    `**CPU of the API per read** (V8 sampling profile of the same ${params.profileRequests} requests, 250 µs interval, idle excluded):`,
    '',
    ...cpuTable,
    '',
    `- CPU time over the whole run (start-up and data generation included) and peak resident memory: ${usage.map((u) => `${u.name} ${fmt(u.cpuSeconds)} s, ${u.peakMiB} MiB`).join('; ')}.`,
    '- "API CPU ms / request" and "PostgreSQL CPU ms / request" are the CPU time of the API process and of the bench database\'s backends during the timed phase divided by its requests (warm-up excluded; read from /proc in 10 ms ticks, so small values are coarse; a backend that closes during the phase is not counted).',
  ].join('\n');
  log(`\n${section}\n`);
  const fullPlans = profiles
    .flatMap((p) => p.plans.map((q) => `-- ${p.read.name}\n-- ${q.text}\n${q.plan.join('\n')}\n`))
    .join('\n');
  log(fullPlans);
  if (params.write) {
    await writeDocSection('reads', section);
    log('Wrote the results into docs/benchmarks.md');
  }
  const errors =
    rows.some((r) => r.result.errors) || provinceResult.errors || reportResults.some((r) => r.result.errors);
  return errors ? 1 : 0;
}

runMain('bench:reads', main, { maxMinutes: params.maxMinutes, keepLogs: params.keepLogs });
