/**
 * A short name for the device of a session, from its user agent: "Chrome di Android",
 * "Firefox di Windows". The session list shows it; the full user agent stays in its tooltip.
 */
export function deviceLabel(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser =
    [
      ['Edge', /Edg\//],
      ['Opera', /OPR\//],
      ['Samsung Internet', /SamsungBrowser\//],
      ['Firefox', /Firefox\//],
      ['Chrome', /(Chrome|CriOS|HeadlessChrome)\//],
      ['Safari', /Version\/[\d.]+.*Safari\//],
    ].find(([, pattern]) => (pattern as RegExp).test(userAgent))?.[0] ?? null;
  const system =
    [
      ['Android', /Android/],
      ['iPhone', /iPhone/],
      ['iPad', /iPad/],
      ['Windows', /Windows/],
      ['macOS', /Mac OS X/],
      ['Linux', /Linux/],
    ].find(([, pattern]) => (pattern as RegExp).test(userAgent))?.[0] ?? null;
  if (browser && system) return `${browser as string} · ${system as string}`;
  return (browser as string | null) ?? (system as string | null) ?? userAgent.slice(0, 60);
}
