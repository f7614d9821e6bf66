/** Escapes text for HTML bodies: task titles and reasons are typed by people. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** The frame every HTML mail shares: one column, readable on a phone. */
export function htmlFrame(title: string, paragraphs: string[], link?: { url: string; label: string }): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 12px">${p}</p>`).join('');
  const button = link
    ? `<p><a href="${escapeHtml(link.url)}" style="display:inline-block;padding:10px 16px;background:#0a58ca;color:#fff;text-decoration:none;border-radius:6px">${escapeHtml(link.label)}</a></p>`
    : '';
  return `<!doctype html><html><body style="font-family:Arial,sans-serif;color:#1b1f24;max-width:560px;margin:0 auto;padding:16px"><h2 style="font-size:18px">${escapeHtml(title)}</h2>${body}${button}<p style="color:#57606a;font-size:12px">Pesan otomatis dari sistem Konvergensi Percepatan Penurunan Stunting. Mohon tidak membalas surel ini.</p></body></html>`;
}
