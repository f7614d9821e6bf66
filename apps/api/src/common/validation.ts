import { HttpStatus, StandardSchemaValidationPipe } from '@nestjs/common';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { z } from 'zod';
import { ApiError } from './api-error';

// Validation messages of request bodies are for Indonesian officials.
z.config(z.locales.id());

/** Keys that name the object machinery, never data. */
const machineryKeys = ['__proto__', 'constructor', 'prototype'];

/** The path of the first own key of `value` (deeply) that is a machinery key, or undefined. */
export function findMachineryKey(value: unknown): string | undefined {
  const visited = new WeakSet<object>();
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.value === null || typeof current.value !== 'object' || visited.has(current.value)) continue;
    visited.add(current.value);
    for (const [key, child] of Object.entries(current.value)) {
      const path = current.path ? `${current.path}.${key}` : key;
      if (machineryKeys.includes(key)) return path;
      stack.push({ value: child, path });
    }
  }
  return undefined;
}

/**
 * NestJS deletes `__proto__`, `constructor` and `prototype` keys before validating, so such a key
 * would be dropped in silence and the rest stored. A body that carries one is refused instead.
 */
class RefusingSchemaValidationPipe extends StandardSchemaValidationPipe {
  protected override stripProtoKeys(value: unknown): void {
    const path = findMachineryKey(value);
    if (path !== undefined)
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'VALIDATION_FAILED',
        `Data tidak valid: kunci "${path}" tidak dikenal`,
        [{ path, message: 'kunci tidak dikenal' }],
      );
  }
}

/**
 * Validates every `@Body({ schema })`, `@Query({ schema })` and `@Param({ schema })` against its
 * zod schema and answers 400 `VALIDATION_FAILED` with one Indonesian message per problem.
 */
export function createValidationPipe(): StandardSchemaValidationPipe {
  return new RefusingSchemaValidationPipe({
    exceptionFactory: (issues: readonly StandardSchemaV1.Issue[]) =>
      new ApiError(
        HttpStatus.BAD_REQUEST,
        'VALIDATION_FAILED',
        `Data tidak valid: ${issues.map(describeIssue).join('; ')}`,
        issues.map((issue) => ({ path: pathOf(issue), message: issue.message })),
      ),
  });
}

function pathOf(issue: StandardSchemaV1.Issue): string {
  return (issue.path ?? [])
    .map((segment) => (typeof segment === 'object' && segment !== null ? String(segment.key) : String(segment)))
    .join('.');
}

function describeIssue(issue: StandardSchemaV1.Issue): string {
  const path = pathOf(issue);
  return path ? `${path}: ${issue.message}` : issue.message;
}
