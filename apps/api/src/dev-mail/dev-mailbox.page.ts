/**
 * The dev mailbox page of `npm start` (demo mode only). It renders mail with textContent only,
 * never innerHTML, so a hostile subject cannot run script in the reader's browser.
 */
export const devMailboxPage = `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kotak surat pengembangan — konvergensi</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; padding: 1rem; background: #f6f7f9; color: #1b1f24; }
  h1 { font-size: 1.25rem; }
  .mail { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: .75rem; margin: .5rem 0; }
  .meta { color: #57606a; font-size: .875rem; overflow-wrap: anywhere; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; font-family: inherit; }
  button { font: inherit; padding: .4rem .8rem; }
</style>
</head>
<body>
<h1>Kotak surat pengembangan</h1>
<p class="meta">Semua surel yang dikirim sistem saat <code>npm start</code> berjalan. Data JSON: <a href="/api/dev/mail">/api/dev/mail</a></p>
<button type="button" id="refresh">Muat ulang</button>
<main id="list" aria-live="polite"></main>
<script src="/dev/mailbox.js"></script>
</body>
</html>
`;

/** The page's script, served from its own URL so the Content-Security-Policy needs no inline script. */
export const devMailboxScript = `async function load() {
  const list = document.getElementById('list');
  const response = await fetch('/api/dev/mail');
  const mails = await response.json();
  list.replaceChildren();
  if (mails.length === 0) {
    const empty = document.createElement('p');
    empty.textContent = 'Belum ada surel.';
    list.append(empty);
  }
  for (const mail of mails.slice().reverse()) {
    const box = document.createElement('article');
    box.className = 'mail';
    const subject = document.createElement('h2');
    subject.style.fontSize = '1rem';
    subject.textContent = mail.subject || '(tanpa subjek)';
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = 'Kepada: ' + mail.to.join(', ') + ' · ' + new Date(mail.receivedAt).toLocaleString('id-ID');
    const body = document.createElement('pre');
    body.textContent = mail.text;
    box.append(subject, meta, body);
    list.append(box);
  }
}
document.getElementById('refresh').addEventListener('click', load);
load();
setInterval(load, 5000);
`;
