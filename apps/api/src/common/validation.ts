import { HttpStatus, StandardSchemaValidationPipe } from '@nestjs/common';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { z } from 'zod';
import { ApiError } from './api-error';

// Validation messages of request bodies are for Indonesian officials.
z.config(z.locales.id());

/**
 * Validates every `@Body({ schema })`, `@Query({ schema })` and `@Param({ schema })` against its
 * zod schema and answers 400 `VALIDATION_FAILED` with one Indonesian message per problem.
 */
export function createValidationPipe(): StandardSchemaValidationPipe {
  return new StandardSchemaValidationPipe({
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
