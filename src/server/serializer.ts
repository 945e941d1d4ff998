// Responses serialised by fast-json-stringify from the JSON schema that zod gives for each
// route's response schema, instead of zod re-validating every object before JSON.stringify
// (zod re-ran every refinement, e.g. INN checksums, and cost 4-8× a plain JSON.stringify).
// Only the fields the schema names are written, as zod's stripping did.
import { isDeepStrictEqual } from 'node:util';
import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { $ZodType, safeEncode } from 'zod/v4/core';

type Json = Record<string, unknown>;
type ResponseSchema = $ZodType | { properties: $ZodType };

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function zodOf(schema: ResponseSchema): $ZodType {
  if (schema instanceof $ZodType) return schema;
  if (schema.properties instanceof $ZodType) return schema.properties;
  throw new Error(`a response schema must be a zod schema: ${JSON.stringify(schema)}`);
}

/**
 * Rewrites zod's JSON schema for fast-json-stringify, keeping what it writes equal to zod's:
 * - `default` goes: zod's encoding refuses a missing field rather than filling it in;
 * - `additionalProperties: false` goes: extra keys are dropped either way, but fast-json-stringify
 *   picks a union branch by validating it, and an object with extra keys must still match.
 */
function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strip);
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'default' || (key === 'additionalProperties' && value === false)) continue;
    // `properties` holds field names, not keywords: a field called `default` stays
    out[key] =
      key === 'properties' && isObject(value)
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strip(v)]))
        : strip(value);
  }
  return out;
}

/**
 * An `anyOf` whose branches have distinct JSON types (`X | null`, `number | {min, max}`)
 * becomes one schema with `type: [...]`: fast-json-stringify then picks the branch with a
 * typeof check instead of running a validator on every value. Branches' `$ref`s are
 * followed (never twice along one path, for recursive schemas).
 */
function collapseUnions(node: unknown, definitions: Json, inlined: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((n) => collapseUnions(n, definitions, inlined));
  if (!isObject(node)) return node;
  if (Array.isArray(node.anyOf)) {
    const { anyOf, ...rest } = node;
    const merged = mergeByType(
      anyOf.map((b) => resolve(b, definitions, inlined)),
      rest,
    );
    if (merged)
      return collapseUnions(merged.schema, definitions, new Set([...inlined, ...merged.refs]));
  }
  const out: Json = {};
  for (const [key, value] of Object.entries(node))
    out[key] =
      key === 'properties' && isObject(value)
        ? Object.fromEntries(
            Object.entries(value).map(([k, v]) => [k, collapseUnions(v, definitions, inlined)]),
          )
        : collapseUnions(value, definitions, inlined);
  return out;
}

/** One schema for branches of distinct JSON types, or undefined when they overlap. */
function mergeByType(
  branches: ({ schema: Json; refs: string[] } | undefined)[],
  outer: Json,
): { schema: Json; refs: string[] } | undefined {
  const types = branches.map((b) => b?.schema.type);
  const typeofOf = (t: unknown) => (t === 'integer' ? 'number' : t);
  if (!types.every((t) => typeof t === 'string')) return undefined;
  if (new Set(types.map(typeofOf)).size !== types.length) return undefined;
  const schema: Json = { ...outer };
  for (const b of branches as { schema: Json }[])
    for (const [key, value] of Object.entries(b.schema)) {
      if (key === 'type' || key === 'description' || key === 'title') continue;
      if (key in schema && !isDeepStrictEqual(schema[key], value)) return undefined;
      schema[key] = value;
    }
  schema.type = types;
  return { schema, refs: branches.flatMap((b) => b?.refs ?? []) };
}

/** A schema with its `$ref` (or a lone `allOf [$ref]`) followed, and the refs followed. */
function resolve(
  schema: unknown,
  definitions: Json,
  inlined: Set<string>,
): { schema: Json; refs: string[] } | undefined {
  if (!isObject(schema)) return undefined;
  if (Array.isArray(schema.allOf) && schema.allOf.length === 1) {
    const { allOf, ...rest } = schema;
    const inner = resolve(allOf[0], definitions, inlined);
    return inner && { schema: { ...inner.schema, ...rest }, refs: inner.refs };
  }
  const ref = schema.$ref;
  if (ref === undefined) return { schema, refs: [] };
  const name = typeof ref === 'string' ? ref.match(/^#\/definitions\/(.+)$/)?.[1] : undefined;
  if (!name || inlined.has(name)) return undefined;
  const inner = resolve(
    definitions[decodeURIComponent(name)],
    definitions,
    new Set([...inlined, name]),
  );
  const { $ref: _r, ...rest } = schema;
  return inner && { schema: { ...inner.schema, ...rest }, refs: [name, ...inner.refs] };
}

/** The JSON schema fast-json-stringify compiles for a zod response schema. */
export function serializerSchema(schema: $ZodType): Json {
  const json = z.toJSONSchema(schema, {
    io: 'output',
    target: 'draft-7',
    unrepresentable: 'any',
    cycles: 'ref',
    reused: 'inline',
    // as fastify-type-provider-zod documents them: a Date leaves as an ISO string
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === 'date') {
        ctx.jsonSchema.type = 'string';
        ctx.jsonSchema.format = 'date-time';
      }
    },
  }) as Json;
  const stripped = strip(json) as Json;
  const definitions = isObject(stripped.definitions) ? stripped.definitions : {};
  return collapseUnions(stripped, definitions, new Set()) as Json;
}

export interface SerializerOptions {
  /**
   * Also encode every answer with zod and fail when the two differ (tests): proves that the
   * compiled serializer keeps and drops exactly the fields zod keeps and drops.
   */
  checkAgainstZod?: boolean;
}

export const createSerializerCompiler =
  (options: SerializerOptions = {}): FastifySerializerCompiler<ResponseSchema> =>
  ({ schema, method, url }) => {
    const zodSchema = zodOf(schema);
    const fast = fastJson(serializerSchema(zodSchema) as never);
    if (!options.checkAgainstZod) return fast;
    return (data) => {
      const encoded = safeEncode(zodSchema, data);
      if (encoded.error)
        throw new ResponseSerializationError(method, url, { cause: encoded.error });
      const text = fast(data);
      const expected = JSON.parse(JSON.stringify(encoded.data));
      if (!isDeepStrictEqual(JSON.parse(text), expected))
        throw new Error(
          `${method} ${url}: the compiled serializer wrote ${text.slice(0, 2000)} where zod gives ${JSON.stringify(expected).slice(0, 2000)}`,
        );
      return text;
    };
  };
