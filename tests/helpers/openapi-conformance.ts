import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * Checks real answers of the CMS against its own OpenAPI document (GET /api/docs/openapi.json):
 * every answer of a documented route must have a documented status and media type, and its JSON
 * must match the schema. For a successful public request, every top-level body field it sent
 * must be documented too (so a renamed field cannot hide). Pure:
 * the caller fetches the document and reports the mismatches (tests/helpers/http.ts).
 */

type Json = Record<string, any>;

export interface Exchange {
  method: string;
  /** path and query string, as requested */
  url: string;
  requestBody?: unknown;
  status: number;
  contentType: string | null;
  body: unknown;
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  operation: Json;
  pointer: string;
  params: number;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pointerPart = (part: string) => part.replace(/~/g, '~0').replace(/\//g, '~1');

export function createConformance(document: Json) {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema(document, 'openapi');
  const compiled = new Map<string, ValidateFunction>();
  const validatorAt = (pointer: string) => {
    let validate = compiled.get(pointer);
    if (!validate) {
      validate = ajv.getSchema(`openapi#${pointer}`);
      if (!validate) throw new Error(`openapi conformance: no schema at ${pointer}`);
      compiled.set(pointer, validate);
    }
    return validate;
  };

  const routes: Route[] = Object.entries(document.paths as Json).flatMap(([template, operations]) =>
    Object.entries(operations as Json).map(([method, operation]) => ({
      method: method.toUpperCase(),
      template,
      // Strapi's router matches paths case-insensitively
      pattern: new RegExp(
        `^${template
          .split(/\{[^}]+\}/)
          .map(escape)
          .join('[^/]+')}/?$`,
        'i',
      ),
      operation: operation as Json,
      pointer: `/paths/${pointerPart(template)}/${method}`,
      params: (template.match(/\{/g) ?? []).length,
    })),
  );
  // a literal segment wins over a parameter (as the router orders them)
  routes.sort((a, b) => a.params - b.params);

  const resolve = (value: Json): Json =>
    typeof value?.$ref === 'string' ? resolve(pointerGet(document, value.$ref.slice(1))) : value;
  const describe = (errors: ValidateFunction['errors']) =>
    (errors ?? [])
      .slice(0, 3)
      .map((error) => `${error.instancePath || '/'} ${error.message}`)
      .join('; ');

  /** Mismatches of one exchange (empty when it conforms or the route is not documented). */
  function check(exchange: Exchange): string[] {
    const url = new URL(exchange.url, 'http://cms.invalid');
    const route = routes.find(
      (candidate) =>
        candidate.method === exchange.method.toUpperCase() && candidate.pattern.test(decoded(url.pathname)),
    );
    if (!route) return [];
    const where = `${route.method} ${route.template} → ${exchange.status}`;
    const problems: string[] = [];
    const responses = route.operation.responses as Json;
    const statusKey = String(exchange.status);
    const key =
      statusKey in responses
        ? statusKey
        : `${statusKey[0]}XX` in responses
          ? `${statusKey[0]}XX`
          : 'default' in responses && exchange.status >= 400
            ? 'default'
            : null;
    if (!key) return [`${where}: status not documented`];
    const response = resolve(responses[key]);
    const responsePointer =
      typeof responses[key]?.$ref === 'string'
        ? responses[key].$ref.slice(1)
        : `${route.pointer}/responses/${pointerPart(key)}`;

    const media = exchange.contentType?.split(';')[0].trim().toLowerCase() ?? '';
    const hasBody = exchange.body !== null && exchange.body !== undefined && exchange.body !== '';
    if (response.content && hasBody) {
      if (!(media in response.content)) {
        problems.push(
          `${where}: content type ${media || '(none)'} not documented (${Object.keys(response.content).join(', ')})`,
        );
      } else if (media === 'application/json') {
        const validate = validatorAt(`${responsePointer}/content/${pointerPart(media)}/schema`);
        if (!validate(exchange.body))
          problems.push(`${where}: answer does not match the schema: ${describe(validate.errors)}`);
      }
    }

    // the body fields of a successful public request must be documented: the forms refuse
    // unknown fields, so a field the server took and the document does not know is a rename
    // the document missed. (Not query parameters: the routes ignore unknown ones, and the fuzz
    // test sends plenty.)
    if (exchange.status < 300 && route.template.startsWith('/api/')) {
      const requestSchema = route.operation.requestBody?.content?.['application/json']?.schema;
      const sent = exchange.requestBody;
      if (requestSchema?.properties && sent && typeof sent === 'object' && !Array.isArray(sent)) {
        for (const field of Object.keys(sent)) {
          if (!(field in requestSchema.properties)) problems.push(`${where}: body field ${field} not documented`);
        }
      }
    }
    return problems;
  }

  return { check };
}

/** A path as the router sees it; a malformed escape (the fuzz test sends them) stays as it is. */
function decoded(pathname: string) {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

function pointerGet(document: Json, pointer: string): Json {
  return pointer
    .split('/')
    .slice(1)
    .reduce((node: Json, part) => node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], document);
}
