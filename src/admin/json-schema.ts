import type { TypeCodec } from '../contract/schema.js';

/**
 * OpenAPI 3.0 schemas of the contract's types, derived from their codecs, as the JSON the emulator writes and
 * reads them: a record is an object of its elements in contract order, a list an array, an enum its names, a
 * flags enum an array of names, a date an xs:dateTime string. Records and enums become components, by type name.
 */
export type OpenApiSchema = { readonly [keyword: string]: unknown };

/** Simple types by their names as a codec gives them. */
const SIMPLE: Readonly<Record<string, OpenApiSchema>> = {
  'xs:string': { type: 'string' },
  'xs:int': { type: 'integer', format: 'int32' },
  'xs:short': { type: 'integer', minimum: -32768, maximum: 32767 },
  'xs:boolean': { type: 'boolean' },
  'xs:double': { type: 'number', format: 'double', description: 'Or the string INF, -INF or NaN.' },
  'xs:dateTime': { type: 'string', format: 'date-time', description: 'An xs:dateTime; written in UTC, with up to 7 fraction digits.' },
  'xs:base64Binary': { type: 'string', format: 'byte' },
  char: { type: 'integer', minimum: 0, maximum: 65535 },
  guid: { type: 'string', format: 'uuid' },
  duration: { type: 'string', description: 'An xs:duration, such as P1DT2H.' },
};

/** Collects the components the schemas of some types need, and names each type's schema. */
export class OpenApiComponents {
  private readonly schemas = new Map<string, OpenApiSchema>();

  /** The schema of a value of the type: a $ref for a record or an enum (added to the components), inline otherwise. */
  schemaOf(codec: TypeCodec): OpenApiSchema {
    const simple = SIMPLE[codec.typeName];
    if (simple !== undefined) return simple;
    const sequence = codec.sequence;
    if (codec.enumValues !== undefined) {
      const names = { type: 'string', enum: Object.keys(codec.enumValues) };
      return codec.flags === true ? { type: 'array', items: names } : this.component(codec.typeName, () => names);
    }
    if (sequence === undefined) return {};
    if (sequence.repeated) return { type: 'array', items: this.propertyOf(codec, 0) };
    return this.component(codec.typeName, () => ({
      type: 'object',
      properties: Object.fromEntries(sequence.names.map((name, i) => [name, this.propertyOf(codec, i)])),
      additionalProperties: false,
    }));
  }

  /** The schema of a record's field (or a list's item) at a position: nullable where it may be nil. */
  propertyOf(codec: TypeCodec, index: number): OpenApiSchema {
    const sequence = codec.sequence;
    if (sequence === undefined) throw new Error(`${codec.typeName} has no elements.`);
    const type = sequence.codecAt(index);
    return this.nullable(this.schemaOf(type), sequence.nillableAt(index) || type.whenAbsent === null);
  }

  /** Every component named so far. */
  all(): { readonly [name: string]: OpenApiSchema } {
    return Object.fromEntries(this.schemas);
  }

  private component(name: string, make: () => OpenApiSchema): OpenApiSchema {
    if (!this.schemas.has(name)) {
      // Set before it is made: a record may hold itself, at some depth.
      this.schemas.set(name, {});
      this.schemas.set(name, make());
    }
    return { $ref: `#/components/schemas/${name}` };
  }

  /** OpenAPI 3.0 cannot put `nullable` beside a $ref: the reference goes in an allOf. */
  private nullable(schema: OpenApiSchema, nullable: boolean): OpenApiSchema {
    if (!nullable) return schema;
    return '$ref' in schema ? { allOf: [schema], nullable: true } : { ...schema, nullable: true };
  }
}
