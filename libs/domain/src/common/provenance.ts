/**
 * Where a piece of domain data comes from. Everything transcribed from a seed document cites it
 * (seed file number + table/section, e.g. `004 §Aksi 1 Jadwal`); everything the seeds are silent
 * about is `assumed` so a regency can see at a glance what it may override.
 */
export type Provenance =
  { readonly source: 'seed'; readonly cite: string } | { readonly source: 'assumed'; readonly note: string };

/** A value together with its provenance, so each template field can be audited on its own. */
export type Sourced<T> =
  | { readonly value: T; readonly source: 'seed'; readonly cite: string }
  | { readonly value: T; readonly source: 'assumed'; readonly note: string };

/** Marks a value as transcribed from a seed document. */
export function fromSeed<T>(value: T, cite: string): Sourced<T> {
  return { value, source: 'seed', cite };
}

/** Marks a value as a default taken from national guidance or judgement, not from the seeds. */
export function assumed<T>(value: T, note: string): Sourced<T> {
  return { value, source: 'assumed', note };
}

/** Bilingual label: Indonesian as printed in the documents, English for developers and logs. */
export interface Title {
  readonly id: string;
  readonly en: string;
}
