import { ParseEnumPipe, ParseUUIDPipe, type INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { DECORATORS } from '@nestjs/swagger/dist/constants';
import { getMetadataStorage, isISO31661Alpha2, isISO4217CurrencyCode } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { getMetadataArgsStorage } from 'typeorm';
import type { ColumnOptions } from 'typeorm';
import { PUBLIC_KEY, RATE_LIMIT_KEY, ROLES_KEY } from '../auth/decorators';
import { PATTERN_OF } from './params';

/** What a service's API document says about the service itself. */
export interface AppDescription {
  title: string;
  description: string;
}

// OpenAPI fragments are open-ended JSON; the document builder checks their shape, not this file.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Schema = Record<string, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Operation = Record<string, any>;
/** A DTO or controller class, as Nest and class-validator keep it in their metadata. */
type ClassRef = abstract new (...args: never[]) => unknown;

/** What the routing layer knows about one operation and the generated document does not. */
interface RouteFacts {
  isPublic: boolean;
  /** limited per client address even without a token */
  limitedPerAddress: boolean;
  roles: string[];
  /** path parameter name -> the schema its pipe enforces */
  pathParams: Record<string, Schema>;
  /** the class a @Query() parameter is validated as */
  queryType?: ClassRef;
  /** media types of a success answer, where not JSON */
  produces?: string[];
}

/** Publishes the service's OpenAPI document at /docs/openapi.json and the Swagger UI at /docs. */
export function publishApiDocument(app: INestApplication, about: AppDescription): void {
  SwaggerModule.setup('docs', app, buildApiDocument(app, about), { jsonDocumentUrl: 'docs/openapi.json' });
}

export function buildApiDocument(app: INestApplication, about: AppDescription): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(about.title)
      .setDescription(about.description)
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
      .addSecurityRequirements('bearer')
      .build(),
  );
  const models = new Set<ClassRef>();
  completeApiDocument(document, routeFacts(app, models), models);
  return document;
}

/**
 * Makes the generated document say what the service really does, so that a client (or a fuzzer)
 * can rely on it: the limits the validators enforce, every error an operation can answer as
 * problem details, and which operations need no token.
 */
export function completeApiDocument(document: OpenAPIObject, facts: Map<string, RouteFacts>, models: Set<ClassRef>): void {
  const schemas = (document.components ??= {}).schemas ??= {};
  Object.assign(schemas, problemSchemas());
  const classes = validatedClasses();
  for (const model of models) if (model.name && !classes.has(model.name)) classes.set(model.name, model);
  entitySchemas(schemas);
  for (const [name, schema] of Object.entries(schemas)) {
    const type = classes.get(name);
    if (type) applyValidation(schema as Schema, type, true);
  }
  for (const pathItem of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(pathItem as Record<string, Operation>)) {
      if (!['get', 'put', 'post', 'delete', 'patch'].includes(method)) continue;
      completeOperation(method, operation, facts.get(operation.operationId), schemas);
    }
  }
}

/** A body whose every field is optional may be left out: the service reads a missing body as `{}`. */
function optionalBodyWhenNothingRequired(operation: Operation, schemas: Record<string, Schema>): void {
  const json = operation.requestBody.content?.['application/json']?.schema;
  const ref: string | undefined = json?.$ref;
  const schema = ref ? schemas[ref.split('/').pop()!] : json;
  if (schema?.type === 'object' && !schema.required?.length) operation.requestBody.required = false;
}

/** A multipart field documented as an object is sent as JSON text in its part; other fields are refused. */
function jsonPartsOfMultipart(operation: Operation): void {
  const multipart = operation.requestBody.content?.['multipart/form-data'];
  if (!multipart?.schema?.properties) return;
  multipart.schema.additionalProperties = false;
  const properties: Record<string, Schema> = multipart.schema.properties;
  for (const [name, property] of Object.entries(properties)) {
    if (property.$ref || property.type === 'object') {
      (multipart.encoding ??= {})[name] = { contentType: 'application/json' };
    }
  }
}

function completeOperation(method: string, operation: Operation, fact: RouteFacts | undefined, schemas: Record<string, Schema>): void {
  const isPublic = fact?.isPublic ?? false;
  if (isPublic) operation.security = [];
  const parameters: Schema[] = operation.parameters ?? [];
  for (const parameter of parameters) {
    if (parameter.in === 'path') Object.assign((parameter.schema ??= {}), fact?.pathParams[parameter.name] ?? {});
    if (parameter.in === 'query' && fact?.queryType) {
      applyValidation((parameter.schema ??= {}), fact.queryType, false, parameter.name);
    }
  }
  if (fact?.roles.length && !isPublic) {
    const who = `Roles: ${fact.roles.join(', ')}.`;
    operation.description = operation.description ? `${operation.description}\n\n${who}` : who;
  }

  const responses: Record<string, Schema> = (operation.responses ??= {});
  for (const [status, response] of Object.entries(responses)) {
    if (status !== '204' && Number(status) < 300 && !response.content) {
      const types = fact?.produces?.length ? fact.produces : ['application/json'];
      response.content = Object.fromEntries(types.map((type) => [type, { schema: type === 'application/json' ? {} : { type: 'string' } }]));
    }
  }
  const hasBody = Boolean(operation.requestBody);
  if (hasBody) {
    optionalBodyWhenNothingRequired(operation, schemas);
    jsonPartsOfMultipart(operation);
  }
  const hasPathParams = parameters.some((p) => p.in === 'path');
  const takesInput = hasBody || parameters.length > 0;
  const changes = method !== 'get';
  const errors: Array<[number, string]> = [];
  if (takesInput) errors.push([400, 'The request is malformed or breaks a documented limit; `errors` names each field']);
  // A public operation that takes input (the token exchange) may still refuse the credentials in it.
  if (!isPublic || hasBody) errors.push([401, isPublic ? 'The credentials were refused' : 'No access token, or one that was refused']);
  if (!isPublic) errors.push([403, "The caller's role may not use this operation"]);
  if (hasPathParams) errors.push([404, "No such object, or it belongs to another organisation"]);
  if (changes) errors.push([409, 'Conflicts with the current state']);
  if (changes || parameters.some((p) => p.in === 'query')) {
    errors.push([422, 'Understood but cannot be done; `errors` names each field']);
  }
  if (hasBody) errors.push([413, 'The request body is larger than allowed']);
  if (!isPublic || fact?.limitedPerAddress) errors.push([429, 'Too many requests; retry after Retry-After seconds']);
  errors.push([500, 'Failed on our side; quote errorId when reporting it']);
  for (const [status, description] of errors) {
    if (responses[status]?.content) continue;
    responses[status] = problemResponse(status, description, isPublic);
  }
  // Errors a controller declares itself (e.g. 415) leave as problem details too.
  for (const [status, response] of Object.entries(responses)) {
    if (Number(status) >= 400 && !response.content) responses[status] = problemResponse(Number(status), response.description ?? '', isPublic);
  }
}

function problemResponse(status: number, description: string, isPublic: boolean): Schema {
  const response: Schema = {
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
  };
  if (status === 429) {
    response.headers = { 'Retry-After': { required: true, description: 'seconds to wait', schema: { type: 'string', pattern: '^[0-9]+$' } } };
  }
  if (status === 401 && !isPublic) {
    response.headers = { 'WWW-Authenticate': { required: true, schema: { type: 'string' } } };
  }
  return response;
}

function problemSchemas(): Record<string, Schema> {
  return {
    FieldProblem: {
      type: 'object',
      required: ['field', 'message'],
      properties: { field: { type: 'string' }, message: { type: 'string' } },
    },
    ProblemDetails: {
      type: 'object',
      description: 'RFC 9457 problem details',
      required: ['type', 'title', 'status'],
      properties: {
        type: { type: 'string' },
        title: { type: 'string' },
        status: { type: 'integer', minimum: 400, maximum: 599 },
        detail: { type: 'string' },
        instance: { type: 'string' },
        errors: { type: 'array', items: { $ref: '#/components/schemas/FieldProblem' } },
        errorId: { type: 'string', format: 'uuid' },
        state: { type: 'string', description: "the order's state, when the order refused the request in it" },
      },
    },
  };
}

/**
 * A row answered as it is stored (`@ApiOkResponse({ type: SomeEntity })`) is documented from its
 * TypeORM columns, so the document cannot drift from what the database hands back.
 */
function entitySchemas(schemas: Record<string, Schema>): void {
  const storage = getMetadataArgsStorage();
  for (const table of storage.tables) {
    const target = table.target;
    if (typeof target !== 'function' || !schemas[target.name]) continue;
    const schema = schemas[target.name];
    if (Object.keys(schema.properties ?? {}).length) continue;
    const columns = storage.columns.filter((c) => c.target === target);
    schema.type = 'object';
    schema.properties = Object.fromEntries(columns.map((c) => [c.propertyName, columnSchema(c.options)]));
    schema.required = columns.map((c) => c.propertyName);
  }
}

function columnSchema(options: ColumnOptions): Schema {
  // Generated keys and columns without a database type carry a JS constructor (Number for identities).
  const given = options.type as unknown;
  const type =
    given === Number ? 'integer' : given === Boolean ? 'boolean' : given === Date ? 'timestamptz' : typeof given === 'string' ? given : 'text';
  let schema: Schema;
  if (type === 'uuid') schema = { type: 'string', format: 'uuid' };
  else if (type === 'bigint') schema = options.transformer ? { type: 'integer' } : { type: 'string', pattern: '^-?[0-9]+$' };
  else if (['int', 'integer', 'smallint', 'int4', 'int2'].includes(type)) schema = { type: 'integer' };
  else if (type === 'boolean') schema = { type: 'boolean' };
  else if (type.startsWith('timestamp')) schema = { type: 'string', format: 'date-time' };
  else if (type === 'date') schema = { type: 'string', format: 'date' };
  else if (type === 'jsonb' || type === 'json') schema = {};
  else schema = { type: 'string' };
  if (options.nullable) schema.nullable = true;
  return schema;
}

/** Every class class-validator knows, by name: the document's schemas are named after them. */
function validatedClasses(): Map<string, ClassRef> {
  const storage = getMetadataStorage() as unknown as { validationMetadatas?: Map<ClassRef, unknown> };
  const out = new Map<string, ClassRef>();
  if (storage.validationMetadatas instanceof Map) {
    for (const target of storage.validationMetadatas.keys()) {
      if (typeof target === 'function' && target.name) out.set(target.name, target);
    }
  }
  return out;
}

const YEAR_0100_OR_LATER = '^(0[1-9]|[1-9][0-9])[0-9]{2}-';

let currencyCodes: string[] | undefined;
let countryCodes: string[] | undefined;

/** Every upper-case code of `length` letters that `accepts` takes. */
function codes(length: number, accepts: (code: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (prefix: string) => {
    if (prefix.length === length) {
      if (accepts(prefix)) out.push(prefix);
      return;
    }
    for (let c = 65; c <= 90; c++) walk(prefix + String.fromCharCode(c));
  };
  walk('');
  return out;
}

/**
 * Writes the validators' rules into a schema: the object schema of a DTO (`wholeClass`), or one
 * query parameter's schema (`only` names the property). Unknown properties are refused
 * (forbidNonWhitelisted), so DTO schemas allow none.
 */
function applyValidation(schema: Schema, type: ClassRef, wholeClass: boolean, only?: string): void {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const m of metadata) {
    if (only && m.propertyName !== only) continue;
    byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
  }
  if (wholeClass) {
    schema.additionalProperties = false;
    const required = new Set<string>(schema.required ?? []);
    for (const [property, rules] of byProperty) {
      const optional = rules.some((r) => r.type === 'conditionalValidation');
      if (optional) required.delete(property);
      else required.add(property);
      const target = (schema.properties ??= {})[property] ??= {};
      applyRules(target, rules);
    }
    schema.required = [...required];
    if (!schema.required.length) delete schema.required;
  } else if (only) {
    applyRules(schema, byProperty.get(only) ?? []);
  }
}

function applyRules(property: Schema, rules: ValidationMetadata[]): void {
  const isArray = rules.some((r) => r.name === 'isArray') || property.type === 'array';
  for (const rule of rules) {
    const target = rule.each && isArray ? (property.items ??= {}) : property;
    if (target.$ref) continue;
    const [a, b] = rule.constraints ?? [];
    switch (rule.name) {
      case 'isString':
        target.type = 'string';
        break;
      case 'isInt':
        target.type = 'integer';
        break;
      case 'isObject':
        target.type = 'object';
        break;
      case 'isArray':
        target.type = 'array';
        break;
      case 'min':
        target.minimum = a;
        break;
      case 'max':
        target.maximum = a;
        break;
      case 'minLength':
        target.minLength = Math.max(target.minLength ?? 0, a);
        break;
      case 'maxLength':
        target.maxLength = Math.min(target.maxLength ?? Infinity, a);
        break;
      case 'isLength':
        target.minLength = Math.max(target.minLength ?? 0, a ?? 0);
        if (b !== undefined) target.maxLength = Math.min(target.maxLength ?? Infinity, b);
        break;
      case 'isNotEmpty':
        target.minLength = Math.max(target.minLength ?? 0, 1);
        break;
      case 'isIn':
        target.enum = [...a];
        break;
      case 'matches':
        target.pattern = (a as RegExp).source;
        break;
      case 'arrayMinSize':
        target.minItems = a;
        break;
      case 'arrayMaxSize':
        target.maxItems = a;
        break;
      case 'isUuid':
        target.type = 'string';
        target.format = 'uuid';
        break;
      case 'isIso4217CurrencyCode':
      case 'isISO4217CurrencyCode':
        target.type = 'string';
        target.enum = currencyCodes ??= codes(3, (c) => isISO4217CurrencyCode(c));
        break;
      case 'isISO31661Alpha2':
        target.type = 'string';
        target.enum = countryCodes ??= codes(2, (c) => isISO31661Alpha2(c));
        break;
      case 'isDateString':
      case 'isIso8601':
      case 'isISO8601':
        target.type = 'string';
        target.format ??= 'date-time';
        break;
    }
  }
  // A strict date string no longer than 10 characters can only be YYYY-MM-DD.
  if (property.format === 'date-time' && property.maxLength === 10) {
    property.format = 'date';
    delete property.minLength;
    delete property.maxLength;
  }
  // The validator reads years 0000-0099 as 1900-1999 and refuses them as not the date written.
  if (property.format === 'date' || property.format === 'date-time') property.pattern ??= YEAR_0100_OR_LATER;
  if (property.enum) {
    delete property.minLength;
    delete property.maxLength;
  }
}

/** Reads, for every controller method, its access rules and the checks its parameter pipes make. */
function routeFacts(app: INestApplication, models: Set<ClassRef>): Map<string, RouteFacts> {
  const out = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as ClassRef | undefined;
      if (!controller?.prototype) continue;
      for (const model of Reflect.getMetadata(DECORATORS.API_EXTRA_MODELS, controller) ?? []) models.add(model);
      for (const methodName of Object.getOwnPropertyNames(controller.prototype)) {
        if (methodName === 'constructor') continue;
        const handler = controller.prototype[methodName];
        if (typeof handler !== 'function') continue;
        const isPublic = Boolean(Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, controller));
        const limitedPerAddress = (Reflect.getMetadata(RATE_LIMIT_KEY, handler) ?? Reflect.getMetadata(RATE_LIMIT_KEY, controller)) === 'client-address';
        const roles: string[] = Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, controller) ?? [];
        const args: Record<string, { index: number; data?: unknown; pipes?: unknown[] }> =
          Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, methodName) ?? {};
        const paramTypes: ClassRef[] = Reflect.getMetadata('design:paramtypes', controller.prototype, methodName) ?? [];
        for (const type of paramTypes) if (typeof type === 'function' && type.name.endsWith('Dto')) models.add(type);
        const pathParams: Record<string, Schema> = {};
        let queryType: ClassRef | undefined;
        for (const [key, arg] of Object.entries(args)) {
          const kind = Number(key.split(':')[0]);
          if (kind === RouteParamtypes.PARAM && typeof arg.data === 'string') {
            pathParams[arg.data] = pipeSchema(arg.pipes ?? []);
          }
          if (kind === RouteParamtypes.QUERY && arg.data === undefined) queryType = paramTypes[arg.index];
        }
        const produces: string[] | undefined = Reflect.getMetadata(DECORATORS.API_PRODUCES, handler);
        out.set(`${controller.name}_${methodName}`, { isPublic, limitedPerAddress, roles, pathParams, queryType, produces });
      }
    }
  }
  return out;
}

function pipeSchema(pipes: unknown[]): Schema {
  const schema: Schema = {};
  for (const pipe of pipes) {
    if (pipe instanceof ParseUUIDPipe) schema.format = 'uuid';
    if (pipe instanceof ParseEnumPipe) {
      schema.enum = Object.values((pipe as unknown as { enumType: Record<string, string> }).enumType);
    }
    const pattern = (pipe as Record<symbol, unknown> | undefined)?.[PATTERN_OF];
    if (pattern instanceof RegExp) schema.pattern = pattern.source;
  }
  return schema;
}
