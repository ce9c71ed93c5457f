/** Tiny JSON Schema builders, so route schemas read like the types in api-types.ts. */

/** A JSON Schema object (the subset the routes use). */
export type Schema = Record<string, unknown>;

/** A string (with extra keywords). */
export const str = (extra: Schema = {}): Schema => ({ type: 'string', ...extra });
/**
 * A whole number (with extra keywords), a safe integer unless `extra` narrows it: so every integer
 * parameter has a maximum, and none reaches SQLite or an array index as 1e21.
 */
export const int = (extra: Schema = {}): Schema => ({ type: 'integer', minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER, ...extra });
/** Any number. */
export const num = (extra: Schema = {}): Schema => ({ type: 'number', ...extra });
/** true or false. */
export const bool = (extra: Schema = {}): Schema => ({ type: 'boolean', ...extra });
/** One of the given strings. */
export const oneOf = (values: readonly string[], extra: Schema = {}): Schema => ({ type: 'string', enum: [...values], ...extra });
/** An array of `items`. */
export const arr = (items: Schema, extra: Schema = {}): Schema => ({ type: 'array', items, ...extra });
// null first: with coerceTypes, ajv would otherwise coerce null to 0 (or "") in the first branch and accept it.
/** `schema` or null. */
export const nullable = (schema: Schema): Schema => ({ anyOf: [{ type: 'null' }, schema] });
/** Any JSON value. */
export const any = (description?: string): Schema => (description ? { description } : {});
/** An object whose every value is `values`. */
export const mapOf = (values: Schema): Schema => ({ type: 'object', additionalProperties: values });

/**
 * An object with exactly these properties; all required except those named in `optional`.
 * `additionalProperties: false` makes bodies with unknown fields fail validation.
 */
export function obj(properties: Record<string, Schema>, optional: readonly string[] = [], extra: Schema = {}): Schema {
  const required = Object.keys(properties).filter((k) => !optional.includes(k));
  return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false, ...extra };
}

/** Every property of `schema` made optional (for querystrings). */
export function query(properties: Record<string, Schema>): Schema {
  return obj(properties, Object.keys(properties));
}
