/**
 * Compressed time for tests and demos: the real calendar (working days, holidays, due at 23:59:59
 * local) is computed as usual, then every instant is brought closer to `origin` by `factor`, so a
 * ladder of weeks plays out in seconds on the real Temporal server. Production runs uncompressed.
 */
export interface TimeCompression {
  /** The instant that maps to itself, e.g. when the API process started. */
  readonly origin: Date;
  /** Compressed seconds per real day, e.g. 2: a week passes in 14 seconds. */
  readonly secondsPerDay: number;
}

export function compressInstant(instant: Date, compression: TimeCompression | undefined): Date {
  if (!compression) return instant;
  const factor = compression.secondsPerDay / 86_400;
  const origin = compression.origin.getTime();
  return new Date(origin + Math.round((instant.getTime() - origin) * factor));
}
