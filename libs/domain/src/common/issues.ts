/**
 * A validation problem reported to a user. `code` is a stable English identifier that callers
 * and tests may switch on; `message` is Indonesian because it is shown to regency staff.
 */
export interface DomainIssue {
  readonly code: string;
  readonly message: string;
  /** Dotted path of the offending field, when the input is structured (e.g. `actions.2.window`). */
  readonly path?: string;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly DomainIssue[] };
