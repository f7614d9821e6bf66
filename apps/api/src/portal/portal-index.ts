import { csvCell } from '@konvergensi/domain';

/**
 * The index of an action's export for the national portal (Aksi Bangda): one row per approved
 * deliverable file. File names and titles come from officers' uploads and are hostile until
 * proven otherwise: the archive paths are sanitised, CSV cells that a spreadsheet would run as a
 * formula are neutralised, and HTML text is escaped.
 */
export interface PortalIndexRow {
  stageOrder: number;
  stageCode: string;
  stageTitle: string;
  unitCode: string;
  unitName: string;
  taskId: string;
  taskTitle: string;
  fileName: string;
  /** Where the file sits inside the ZIP. */
  archivePath: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  approvedAt: string | null;
  approvedBy: string | null;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const unsafeInPath = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff/\\:*?"<>|]/gu;

/** A file or folder name safe on every unzip tool: no separators, control or direction characters, no leading dots. */
export function safeArchiveName(name: string, fallback = 'berkas'): string {
  const cleaned = name
    .normalize('NFC')
    .replace(unsafeInPath, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
    .slice(0, 120);
  return cleaned.length > 0 ? cleaned : fallback;
}

/** Makes archive paths unique by numbering repeats before the extension: `notulen (2).pdf`. */
export function uniquePath(path: string, taken: Set<string>): string {
  if (!taken.has(path.toLowerCase())) {
    taken.add(path.toLowerCase());
    return path;
  }
  const dot = path.lastIndexOf('.');
  const slash = path.lastIndexOf('/');
  const [stem, extension] = dot > slash + 1 ? [path.slice(0, dot), path.slice(dot)] : [path, ''];
  for (let n = 2; ; n += 1) {
    const candidate = `${stem} (${n})${extension}`;
    if (!taken.has(candidate.toLowerCase())) {
      taken.add(candidate.toLowerCase());
      return candidate;
    }
  }
}

/** One CSV cell, neutralised against formulas; shared with every other CSV export of the system. */
export { csvCell };

const csvHeader = [
  'urutan_tahap',
  'kode_tahap',
  'tahap',
  'kode_unit',
  'unit',
  'id_tugas',
  'tugas',
  'nama_berkas',
  'lokasi_dalam_zip',
  'jenis',
  'ukuran_byte',
  'sha256',
  'disetujui_pada',
  'disetujui_oleh',
];

/** index.csv (UTF-8 with BOM, so spreadsheet programs read Indonesian names correctly). */
export function indexCsv(rows: readonly PortalIndexRow[]): string {
  const lines = [csvHeader.map(csvCell).join(',')];
  for (const row of rows) {
    lines.push(
      [
        row.stageOrder,
        row.stageCode,
        row.stageTitle,
        row.unitCode,
        row.unitName,
        row.taskId,
        row.taskTitle,
        row.fileName,
        row.archivePath,
        row.mediaType,
        row.sizeBytes,
        row.sha256,
        row.approvedAt,
        row.approvedBy,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"'`]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[c] ?? c,
  );
}

export interface PortalIndexHeading {
  regencyName: string;
  regencyCode: string;
  year: number;
  actionCode: string;
  actionTitle: string;
  generatedAt: string;
}

/** index.html: a page that opens offline, with every text escaped and no scripts allowed. */
export function indexHtml(heading: PortalIndexHeading, rows: readonly PortalIndexRow[]): string {
  const e = escapeHtml;
  const body = rows
    .map(
      (row) =>
        `<tr><td>${row.stageOrder}. ${e(row.stageTitle)} <small>(${e(row.stageCode)})</small></td>` +
        `<td>${e(row.unitName)} <small>(${e(row.unitCode)})</small></td><td>${e(row.taskTitle)}</td>` +
        `<td><a href="${e(row.archivePath.split('/').map(encodeURIComponent).join('/'))}">${e(row.fileName)}</a></td>` +
        `<td>${row.sizeBytes}</td><td><code>${e(row.sha256)}</code></td>` +
        `<td>${e(row.approvedAt ?? '')}</td><td>${e(row.approvedBy ?? '')}</td></tr>`,
    )
    .join('\n');
  const title = `${heading.actionTitle} — ${heading.regencyName} ${heading.year}`;
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(title)}</title>
<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px;vertical-align:top}</style>
</head>
<body>
<h1>${e(title)}</h1>
<p>Dokumen keluaran yang telah disetujui untuk diunggah ke Aksi Bangda. Kabupaten/kota ${e(heading.regencyName)} (${e(heading.regencyCode)}), ${e(heading.actionCode)}, dibuat ${e(heading.generatedAt)}.</p>
<table>
<thead><tr><th>Tahap</th><th>Unit</th><th>Tugas</th><th>Berkas</th><th>Ukuran (byte)</th><th>SHA-256</th><th>Disetujui pada</th><th>Disetujui oleh</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
<p>Jumlah berkas: ${rows.length}</p>
</body>
</html>
`;
}
