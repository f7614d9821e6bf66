import type { SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';

/** The OpenAPI schema of a zod request schema, so the docs show exactly what is validated. */
export function schemaFor(schema: z.ZodType): SchemaObject {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', unrepresentable: 'any', io: 'input' }) as Record<
    string,
    unknown
  >;
  delete json.$schema;
  return json as SchemaObject;
}
