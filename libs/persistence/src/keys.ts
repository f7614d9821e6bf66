import { createHash } from 'node:crypto';

/**
 * A UUID (v4 layout) derived from a key, so a retried request or activity names the same new
 * record: the API uses it for reassigned tasks, the worker for the tasks a stage opens.
 */
export function uuidFromKey(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
