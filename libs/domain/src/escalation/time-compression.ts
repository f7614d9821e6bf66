/**
 * Compressed time for tests and demos: the real calendar (working days, holidays, due at 23:59:59
 * local) is computed as usual, then every instant is brought closer to `origin` by `factor`, so a
 * ladder of weeks plays out in seconds on the real Temporal server. Production runs uncompressed.
 */
export interface TimeCompression {
  /** The wall-clock instant at which the compressed clock starts, e.g. when the API started. */
  readonly origin: Date;
  /** Compressed seconds per real day, e.g. 2: a week passes in 14 seconds. */
  readonly secondsPerDay: number;
  /**
   * The calendar instant that `origin` stands for; defaults to `origin` itself. A demo or test
   * that plays a whole year sets it to the first day of that year, so the year starts now.
   */
  readonly virtualOrigin?: Date;
}

const factorOf = (compression: TimeCompression) => compression.secondsPerDay / 86_400;
const virtualOriginOf = (compression: TimeCompression) => compression.virtualOrigin ?? compression.origin;

/** The wall-clock instant at which a calendar instant happens under compression. */
export function compressInstant(instant: Date, compression: TimeCompression | undefined): Date {
  if (!compression) return instant;
  const offset = instant.getTime() - virtualOriginOf(compression).getTime();
  return new Date(compression.origin.getTime() + Math.round(offset * factorOf(compression)));
}

/** The calendar instant a wall-clock instant stands for under compression: "what day is it now". */
export function calendarInstant(wall: Date, compression: TimeCompression | undefined): Date {
  if (!compression) return wall;
  const offset = wall.getTime() - compression.origin.getTime();
  return new Date(virtualOriginOf(compression).getTime() + Math.round(offset / factorOf(compression)));
}

/** A compression as it travels in workflow inputs and JSON snapshots (ISO instants). */
export interface TimeCompressionSnapshot {
  origin: string;
  secondsPerDay: number;
  virtualOrigin?: string;
}

export function compressionFromSnapshot(
  snapshot: TimeCompressionSnapshot | null | undefined,
): TimeCompression | undefined {
  if (!snapshot) return undefined;
  return {
    origin: new Date(snapshot.origin),
    secondsPerDay: snapshot.secondsPerDay,
    virtualOrigin: snapshot.virtualOrigin ? new Date(snapshot.virtualOrigin) : undefined,
  };
}

export function compressionSnapshot(compression: TimeCompression | undefined): TimeCompressionSnapshot | null {
  if (!compression) return null;
  return {
    origin: compression.origin.toISOString(),
    secondsPerDay: compression.secondsPerDay,
    ...(compression.virtualOrigin ? { virtualOrigin: compression.virtualOrigin.toISOString() } : {}),
  };
}
