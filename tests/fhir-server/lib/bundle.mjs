// Batch and transaction Bundles (FHIR R4 http.html#transaction), processed here rather than by
// Medplum's BatchProcessor, which refuses a transaction with a conditional update once it has
// more than 8 entries (its PostgreSQL isolation limit), answers 400 instead of 412 when a
// conditional update matches several resources, and, on the in-memory repository, does not roll
// back. Here a transaction is atomic (Store.withTransaction), unlimited in size, and processed in
// the order the specification gives: DELETE, POST, PUT, GET.
import {
  OperationOutcomeError,
  badRequest,
  getStatus,
  multipleMatches,
  normalizeOperationOutcome,
  parseSearchRequest,
} from '@medplum/core';

const ORDER = { DELETE: 0, POST: 1, PUT: 2, PATCH: 2, GET: 3, HEAD: 3 };

/**
 * @param {object} bundle the request Bundle
 * @param {import('./store.mjs').Store} store
 * @param {(method: string, url: string) => Promise<[object, object?]>} get answers a GET entry
 * @returns {Promise<object>} the response Bundle
 */
export async function processBundle(bundle, store, get) {
  if (bundle?.resourceType !== 'Bundle') {
    throw new OperationOutcomeError(badRequest('Not a Bundle'));
  }
  if (bundle.type !== 'transaction' && bundle.type !== 'batch') {
    throw new OperationOutcomeError(badRequest('Bundle.type must be transaction or batch', 'Bundle.type'));
  }
  const entries = (bundle.entry ?? []).map((entry, index) => parseEntry(entry, index));
  const response = { resourceType: 'Bundle', type: bundle.type + '-response', entry: new Array(entries.length) };

  if (bundle.type === 'batch') {
    // Independent entries, in the order given; each failure answers its own entry.
    for (const entry of entries) {
      try {
        if (entry.error) {
          throw entry.error;
        }
        await resolve(entry, store, new Map(), new Set());
        response.entry[entry.index] = await execute(entry, store, get);
      } catch (err) {
        const outcome = normalizeOperationOutcome(err);
        response.entry[entry.index] = { response: { status: statusLine(getStatus(outcome)), outcome } };
      }
    }
    return response;
  }

  return store.withTransaction(async () => {
    const placeholders = new Map();
    const targets = new Set();
    for (const entry of entries) {
      if (entry.error) {
        throw entry.error;
      }
      await resolve(entry, store, placeholders, targets);
    }
    for (const entry of entries) {
      if (entry.resource) {
        await rewriteReferences(entry.resource, placeholders, store, entry.index);
      }
    }
    const ordered = [...entries].sort((a, b) => ORDER[a.method] - ORDER[b.method] || a.index - b.index);
    for (const entry of ordered) {
      response.entry[entry.index] = await execute(entry, store, get);
    }
    return response;
  });
}

function parseEntry(entry, index) {
  const at = `Bundle.entry[${index}]`;
  const method = entry?.request?.method;
  let url = entry?.request?.url ?? '';
  const parsed = { index, at, method, fullUrl: entry?.fullUrl, resource: entry?.resource, request: entry?.request ?? {} };
  if (!(method in ORDER) || method === 'PATCH') {
    parsed.error = fail(badRequest(`Unsupported request.method ${method}`, at + '.request.method'));
    return parsed;
  }
  url = url.replace(/^https?:\/\/[^/]+\/(?:fhir\/R4\/)?/, '').replace(/^\//, '');
  parsed.url = url;
  const [path, query] = url.split('?', 2);
  const segments = path.split('/').filter(Boolean);
  parsed.type = segments[0];
  parsed.id = segments[1];
  parsed.query = query;
  if (method === 'GET' || method === 'HEAD') {
    return parsed;
  }
  if (!parsed.type || !/^[A-Z][A-Za-z]+$/.test(parsed.type)) {
    parsed.error = fail(badRequest('Invalid request.url', at + '.request.url'));
  } else if (method === 'POST' && (segments.length !== 1 || query !== undefined)) {
    parsed.error = fail(badRequest('POST entries must name a resource type only', at + '.request.url'));
  } else if (method !== 'DELETE' && parsed.resource?.resourceType !== parsed.type) {
    parsed.error = fail(badRequest('Resource type does not match request.url', at + '.resource'));
  } else if (method === 'PUT' && parsed.id && parsed.resource.id !== parsed.id) {
    parsed.error = fail(badRequest('Resource id does not match request.url', at + '.resource.id'));
  } else if (segments.length > 2 || (!parsed.id && query === undefined && method !== 'POST')) {
    parsed.error = fail(badRequest('Invalid request.url', at + '.request.url'));
  }
  return parsed;
}

/** Fixes the target id of a write entry before anything is written; records fullUrl placeholders. */
async function resolve(entry, store, placeholders, targets) {
  if (entry.method === 'GET' || entry.method === 'HEAD') {
    return;
  }
  if (entry.method === 'POST') {
    if (entry.request.ifNoneExist) {
      const matches = await searchAll(store, `${entry.type}?${entry.request.ifNoneExist}`, entry.at);
      if (matches.length > 1) {
        throw fail(multipleMatches, entry.at + '.request.ifNoneExist');
      }
      if (matches.length === 1) {
        entry.existing = matches[0];
        entry.id = matches[0].id;
      }
    }
    entry.id ??= store.generateId();
  } else if (entry.query !== undefined) {
    const matches = await searchAll(store, entry.url, entry.at);
    if (matches.length > 1) {
      throw fail(multipleMatches, entry.at + '.request.url');
    }
    if (matches.length === 1) {
      if (entry.resource?.id && entry.resource.id !== matches[0].id) {
        throw fail(badRequest('Resource id does not match the resource the condition found', entry.at + '.resource.id'));
      }
      entry.id = matches[0].id;
    } else if (entry.method === 'PUT') {
      if (entry.resource.id) {
        throw fail(badRequest('A conditional create by update must not carry an id', entry.at + '.resource.id'));
      }
      entry.id = store.generateId();
    } else {
      entry.skip = true; // DELETE of nothing succeeds
    }
  }
  const reference = `${entry.type}/${entry.id}`;
  if (!entry.skip) {
    if (targets.has(reference)) {
      throw fail(badRequest('Two entries of the transaction write the same resource', entry.at));
    }
    targets.add(reference);
  }
  if (entry.fullUrl) {
    placeholders.set(entry.fullUrl, reference);
  }
}

async function searchAll(store, url, at) {
  let search;
  try {
    search = parseSearchRequest(url);
  } catch (err) {
    throw fail(normalizeOperationOutcome(err), at + '.request.url');
  }
  search.count = 2;
  search.offset = 0;
  search.sortRules = undefined;
  return (await store.search(search)).entry.map((e) => e.resource);
}

async function rewriteReferences(value, placeholders, store, index) {
  if (Array.isArray(value)) {
    for (const item of value) {
      await rewriteReferences(item, placeholders, store, index);
    }
    return;
  }
  if (!value || typeof value !== 'object') {
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    if (key === 'reference' && typeof child === 'string') {
      if (placeholders.has(child)) {
        value.reference = placeholders.get(child);
      } else if (/^[A-Z][A-Za-z]+\?/.test(child)) {
        // A conditional reference: exactly one match, or the transaction fails.
        const matches = await searchAll(store, child, `Bundle.entry[${index}]`);
        if (matches.length !== 1) {
          throw fail(
            matches.length ? multipleMatches : badRequest('Conditional reference matched nothing: ' + child),
            `Bundle.entry[${index}].resource`
          );
        }
        value.reference = `${matches[0].resourceType}/${matches[0].id}`;
      }
    } else if (typeof child === 'object') {
      await rewriteReferences(child, placeholders, store, index);
    }
  }
}

async function execute(entry, store, get) {
  try {
    switch (entry.method) {
      case 'GET':
      case 'HEAD': {
        const [outcome, resource] = await get('GET', entry.url);
        if (getStatus(outcome) >= 400) {
          throw new OperationOutcomeError(outcome);
        }
        return { response: { status: statusLine(getStatus(outcome)) }, resource };
      }
      case 'DELETE':
        if (!entry.skip) {
          await store.deleteResource(entry.type, entry.id, { ifMatch: etagVersion(entry.request.ifMatch) });
        }
        return { response: { status: '204 No Content' } };
      case 'POST':
        if (entry.existing) {
          return written(entry.existing, 200);
        }
        return written(await store.createResource({ ...entry.resource, id: entry.id }, { assignedId: true }), 201);
      case 'PUT': {
        const isNew = !store.entryOf(entry.type, entry.id)?.versions.length;
        const saved = await store.updateResource(
          { ...entry.resource, id: entry.id },
          { ifMatch: etagVersion(entry.request.ifMatch) }
        );
        return written(saved, isNew ? 201 : 200);
      }
      default:
        throw fail(badRequest('Unsupported method'), entry.at);
    }
  } catch (err) {
    if (err instanceof OperationOutcomeError && !err.outcome.issue?.[0]?.expression) {
      throw fail(err.outcome, entry.at);
    }
    throw err;
  }
}

function written(resource, status) {
  return {
    fullUrl: undefined,
    resource,
    response: {
      status: statusLine(status),
      location: `${resource.resourceType}/${resource.id}/_history/${resource.meta.versionId}`,
      etag: `W/"${resource.meta.versionId}"`,
      lastModified: resource.meta.lastUpdated,
    },
  };
}

function etagVersion(ifMatch) {
  return ifMatch ? /^(?:W\/)?"?([^"]+)"?$/.exec(ifMatch)?.[1] : undefined;
}

function fail(outcome, expression) {
  const copy = structuredClone(outcome);
  if (expression && copy.issue?.[0]) {
    copy.issue[0].expression = [expression];
  }
  return new OperationOutcomeError(copy);
}

const REASONS = { 200: 'OK', 201: 'Created', 204: 'No Content', 400: 'Bad Request', 404: 'Not Found', 409: 'Conflict', 410: 'Gone', 412: 'Precondition Failed', 422: 'Unprocessable Entity' };

export function statusLine(status) {
  return `${status} ${REASONS[status] ?? ''}`.trim();
}
