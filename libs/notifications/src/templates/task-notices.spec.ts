import { deadlineIcs, renderEscalationDigest, renderTaskNotice, renderUnitDigest } from './task-notices';

const data = {
  taskId: '7b0d2d6e-1111-4222-8333-444455556666',
  taskTitle: 'Data cakupan layanan Tabel 1.1',
  unitName: 'Dinas Kesehatan Kota Metro',
  regencyName: 'Kota Metro',
  dueAt: new Date('2026-02-27T16:59:59Z'),
  timeZone: 'Asia/Jakarta' as const,
  taskUrl: 'https://konvergensi.example/tugas/7b0d2d6e',
};

describe('task notices', () => {
  it('tells the unit of a new task with the due date as people read it and a link', () => {
    const mail = renderTaskNotice('assigned', data);
    expect(mail.subject).toBe('Tugas baru: Data cakupan layanan Tabel 1.1');
    expect(mail.text).toContain('Jumat, 27 Februari 2026 pukul 23.59 WIB');
    expect(mail.text).toContain(data.taskUrl);
    expect(mail.html).toContain('href="https://konvergensi.example/tugas/7b0d2d6e"');
  });

  it('attaches the deadline as an .ics calendar entry ending at the due instant', () => {
    const [ics] = renderTaskNotice('assigned', data).attachments;
    expect(ics?.filename).toBe('batas-waktu.ics');
    expect(ics?.content).toContain('BEGIN:VEVENT');
    expect(ics?.content).toContain('DTEND:20260227T165900Z');
    expect(deadlineIcs(data).content).toContain(`UID:task-${data.taskId}@konvergensi`);
  });

  it('escapes what people typed in the HTML body', () => {
    const mail = renderTaskNotice('returned', { ...data, note: '<script>alert(1)</script>' });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.text).toContain('Catatan: <script>alert(1)</script>');
  });

  it('speaks English on request', () => {
    expect(renderTaskNotice('overdue', data, 'en').subject).toBe('Overdue: Data cakupan layanan Tabel 1.1');
  });

  it('gathers escalations of a day into one digest and a unit digest lists overdue tasks first', () => {
    const digest = renderEscalationDigest(
      [
        { taskTitle: 'A', unitName: 'Dinkes', dueAt: data.dueAt, level: 3, taskUrl: 'u1' },
        { taskTitle: 'B', unitName: 'Dinsos', dueAt: data.dueAt, level: 4, taskUrl: 'u2' },
      ],
      { regencyName: 'Kota Metro', date: '2026-03-04', timeZone: 'Asia/Jakarta' },
    );
    expect(digest.subject).toBe('Ringkasan eskalasi 2026-03-04: 2 tugas');
    expect(digest.text).toContain('eskalasi ke Ketua TPPS');
    const unit = renderUnitDigest([{ taskTitle: 'A', dueAt: data.dueAt, overdue: true, taskUrl: 'u1' }], {
      unitName: 'Dinkes',
      date: '2026-03-04',
      timeZone: 'Asia/Jakarta',
    });
    expect(unit.subject).toBe('Tugas Dinkes per 2026-03-04: 1 terbuka, 1 terlambat');
    expect(unit.text).toContain('[TERLAMBAT] A');
  });
});
