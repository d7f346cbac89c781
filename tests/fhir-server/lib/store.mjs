// An in-memory FHIR repository for Medplum's FhirRouter, in place of Medplum's MemoryRepository:
// - versionIds are "1", "2", ... (MemoryRepository uses random UUIDs) and every update makes a
//   new version, as a normal FHIR server does (no suppression of unchanged content);
// - lastUpdated never goes backwards;
// - deletes leave a tombstone: read answers 410 Gone, history keeps the versions;
// - transactions are atomic (an undo log rolls back every write of a failed transaction);
// - searches on identifier, code, subject and patient (token and reference equality, the
//   searches the adapter makes) are answered from indexes, so conditional updates and
//   candidate searches stay fast with tens of thousands of resources; every other filter is
//   decided by Medplum's matchesSearchRequest.
import {
  EMPTY,
  OperationOutcomeError,
  Operator,
  badRequest,
  evalFhirPath,
  generateId,
  globalSchema,
  gone,
  matchesSearchRequest,
  notFound,
  parseFhirPath,
  preconditionFailed,
  splitSearchOnComma,
  toPeriod,
} from '@medplum/core';
import { FhirRepository } from '@medplum/fhir-router';

const INDEXED_PARAMS = ['identifier', 'code', 'subject', 'patient'];

const DATE_COMPARE = {
  [Operator.EQUALS]: (r, f) => r.start < f.end && r.end > f.start,
  [Operator.GREATER_THAN]: (r, f) => r.end > f.end,
  [Operator.GREATER_THAN_OR_EQUALS]: (r, f) => r.end >= f.start,
  [Operator.LESS_THAN]: (r, f) => r.start < f.start,
  [Operator.LESS_THAN_OR_EQUALS]: (r, f) => r.start <= f.end,
};

const clone = (value) => JSON.parse(JSON.stringify(value));

export class Store extends FhirRepository {
  constructor() {
    super();
    /** @type {Map<string, Map<string, {current: object | undefined, versions: object[]}>>} */
    this.types = new Map();
    /** @type {Map<string, Map<string, Set<string>>>} key `${type}\0${param}` -> index key -> ids */
    this.indexes = new Map();
    this.lastInstant = '';
    this.undoLog = undefined;
    this.writes = 0;
    this.sequence = 0;
  }

  setMode() {
    // One repository, no reader replicas.
  }

  generateId() {
    return generateId();
  }

  now() {
    const instant = new Date().toISOString();
    if (instant > this.lastInstant) {
      this.lastInstant = instant;
    }
    return this.lastInstant;
  }

  entryOf(resourceType, id, create = false) {
    let byId = this.types.get(resourceType);
    if (!byId) {
      if (!create) {
        return undefined;
      }
      byId = new Map();
      this.types.set(resourceType, byId);
    }
    let entry = byId.get(id);
    if (!entry && create) {
      entry = { current: undefined, versions: [], seq: this.sequence++ };
      byId.set(id, entry);
    }
    return entry;
  }

  write(resource, expectNew) {
    if (!resource?.resourceType || !globalSchema.types[resource.resourceType]) {
      throw new OperationOutcomeError(badRequest('Unknown resource type: ' + resource?.resourceType));
    }
    if (!resource.id || !/^[A-Za-z0-9\-.]{1,64}$/.test(resource.id)) {
      throw new OperationOutcomeError(badRequest('Invalid or missing id', resource.resourceType + '.id'));
    }
    const entry = this.entryOf(resource.resourceType, resource.id, true);
    if (expectNew && entry.versions.length > 0) {
      throw new OperationOutcomeError(badRequest('Assigned ID is already in use'));
    }
    const stored = clone(resource);
    stored.meta = { ...stored.meta, versionId: String(entry.versions.length + 1), lastUpdated: this.now() };
    this.remember(entry);
    if (entry.current) {
      this.unindex(entry.current);
    }
    entry.current = stored;
    entry.versions.push(stored);
    this.index(stored);
    this.writes++;
    return clone(stored);
  }

  remember(entry) {
    if (this.undoLog) {
      this.undoLog.push({ entry, current: entry.current, length: entry.versions.length });
    }
  }

  /** Runs fn atomically: if it throws, every write it made is undone. Not re-entrant by design. */
  async withTransaction(fn) {
    if (this.undoLog) {
      return fn(this);
    }
    this.undoLog = [];
    try {
      const result = await fn(this);
      this.undoLog = undefined;
      return result;
    } catch (err) {
      const log = this.undoLog;
      this.undoLog = undefined;
      for (let i = log.length - 1; i >= 0; i--) {
        const { entry, current, length } = log[i];
        if (entry.current) {
          this.unindex(entry.current);
        }
        entry.current = current;
        entry.versions.length = length;
        if (current) {
          this.index(current);
        }
      }
      throw err;
    }
  }

  async createResource(resource, options) {
    const id = options?.assignedId && resource.id ? resource.id : this.generateId();
    return this.write({ ...resource, id }, true);
  }

  async updateResource(resource, options) {
    if (!resource.id) {
      throw new OperationOutcomeError(badRequest('Missing id'));
    }
    if (options?.ifMatch) {
      const existing = this.entryOf(resource.resourceType, resource.id)?.current;
      if (!existing) {
        throw new OperationOutcomeError(notFound);
      }
      if (existing.meta.versionId !== options.ifMatch) {
        throw new OperationOutcomeError(preconditionFailed);
      }
    }
    return this.write(resource, false);
  }

  async patchResource() {
    throw new OperationOutcomeError(badRequest('PATCH is not supported by this test server'));
  }

  async deleteResource(resourceType, id, options) {
    const entry = this.entryOf(resourceType, id);
    if (!entry?.current) {
      throw new OperationOutcomeError(notFound);
    }
    if (options?.ifMatch && entry.current.meta.versionId !== options.ifMatch) {
      throw new OperationOutcomeError(preconditionFailed);
    }
    this.remember(entry);
    this.unindex(entry.current);
    entry.current = undefined;
    this.writes++;
  }

  async readResource(resourceType, id) {
    const entry = this.entryOf(resourceType, id);
    if (!entry?.versions.length) {
      throw new OperationOutcomeError(notFound);
    }
    if (!entry.current) {
      throw new OperationOutcomeError(gone);
    }
    return clone(entry.current);
  }

  async readReference(reference) {
    const parts = reference.reference?.split('/');
    if (parts?.length !== 2) {
      throw new OperationOutcomeError(badRequest('Invalid reference'));
    }
    return this.readResource(parts[0], parts[1]);
  }

  async readReferences(references) {
    return Promise.all(references.map((r) => this.readReference(r).catch((err) => err)));
  }

  async readHistory(resourceType, id, options) {
    const entry = this.entryOf(resourceType, id);
    if (!entry?.versions.length) {
      throw new OperationOutcomeError(notFound);
    }
    const all = [...entry.versions].reverse();
    const offset = options?.offset ?? 0;
    const page = all.slice(offset, options?.limit ? offset + options.limit : undefined);
    return {
      resourceType: 'Bundle',
      type: 'history',
      total: all.length,
      entry: page.map((version) => ({ resource: clone(version) })),
    };
  }

  async readVersion(resourceType, id, versionId) {
    const entry = this.entryOf(resourceType, id);
    const version = entry?.versions.find((v) => v.meta.versionId === versionId);
    if (!version) {
      throw new OperationOutcomeError(notFound);
    }
    return clone(version);
  }

  async search(searchRequest) {
    const { resourceType } = searchRequest;
    const { resources, rest } = this.candidates(searchRequest);
    const remaining = { ...searchRequest, filters: rest };
    const matches = rest.length ? resources.filter((r) => matchesSearchRequest(r, remaining)) : resources;
    for (const rule of [...(searchRequest.sortRules ?? EMPTY)].reverse()) {
      sortBy(matches, resourceType, rule);
    }
    const offset = searchRequest.offset ?? 0;
    const page = searchRequest.count === undefined ? matches.slice(offset) : matches.slice(offset, offset + searchRequest.count);
    return {
      resourceType: 'Bundle',
      type: 'searchset',
      total: matches.length,
      entry: page.map((resource) => ({ resource: clone(resource), search: { mode: 'match' } })),
    };
  }

  async searchByReference(searchRequest, referenceField, references) {
    const results = {};
    for (const reference of references) {
      const filters = [...(searchRequest.filters ?? []), { code: referenceField, operator: Operator.EQUALS, value: reference }];
      const bundle = await this.search({ ...searchRequest, filters });
      results[reference] = bundle.entry.map((e) => e.resource);
    }
    return results;
  }

  /**
   * Current resources that may match, in creation order (stable paging), narrowed by every
   * indexed filter; `rest` are the filters the index did not answer exactly, left to Medplum.
   */
  candidates(searchRequest) {
    const byId = this.types.get(searchRequest.resourceType);
    const filters = searchRequest.filters ?? [];
    if (!byId) {
      return { resources: [], rest: [] };
    }
    let ids;
    const rest = [];
    for (const filter of filters) {
      const found = this.lookup(searchRequest.resourceType, filter);
      if (!found) {
        rest.push(filter);
        continue;
      }
      if (!found.exact) {
        rest.push(filter);
      }
      ids = ids ? new Set([...ids].filter((id) => found.ids.has(id))) : found.ids;
    }
    const entries = [];
    if (ids) {
      for (const id of ids) {
        const entry = byId.get(id);
        if (entry?.current) {
          entries.push(entry);
        }
      }
      entries.sort((a, b) => a.seq - b.seq);
    } else {
      for (const entry of byId.values()) {
        if (entry.current) {
          entries.push(entry);
        }
      }
    }
    let resources = entries.map((entry) => entry.current);
    // _lastUpdated compared as Medplum's matcher does, without evaluating FHIRPath per resource.
    const dated = rest.filter((f) => f.code === '_lastUpdated' && f.operator in DATE_COMPARE && !f.value.includes(','));
    for (const filter of dated) {
      const wanted = toPeriod(filter.value);
      if (!wanted) {
        continue;
      }
      const compare = DATE_COMPARE[filter.operator];
      resources = resources.filter((r) => compare(toPeriod(r.meta.lastUpdated), wanted));
      rest.splice(rest.indexOf(filter), 1);
    }
    return { resources, rest };
  }

  /** Ids whose index keys meet the filter (`exact`: exactly Medplum's answer), or undefined. */
  lookup(resourceType, filter) {
    if (filter.operator !== Operator.EQUALS || !INDEXED_PARAMS.includes(filter.code) || filter.value.includes('\\')) {
      return undefined;
    }
    const info = paramInfo(resourceType, filter.code);
    if (!info) {
      return undefined;
    }
    const index = this.indexes.get(resourceType + '\0' + filter.code);
    const ids = new Set();
    let exact = true;
    for (const value of splitSearchOnComma(filter.value)) {
      const query = info.param.type === 'reference' ? referenceQueryKey(value) : tokenQueryKey(value);
      if (!query) {
        return undefined;
      }
      exact &&= query.exact;
      for (const id of index?.get(query.key) ?? EMPTY) {
        ids.add(id);
      }
    }
    return { ids, exact };
  }

  index(resource) {
    this.eachIndexKey(resource, (indexName, key) => {
      let index = this.indexes.get(indexName);
      if (!index) {
        index = new Map();
        this.indexes.set(indexName, index);
      }
      let ids = index.get(key);
      if (!ids) {
        ids = new Set();
        index.set(key, ids);
      }
      ids.add(resource.id);
    });
  }

  unindex(resource) {
    this.eachIndexKey(resource, (indexName, key) => {
      this.indexes.get(indexName)?.get(key)?.delete(resource.id);
    });
  }

  eachIndexKey(resource, callback) {
    for (const code of INDEXED_PARAMS) {
      const info = paramInfo(resource.resourceType, code);
      if (!info) {
        continue;
      }
      const indexName = resource.resourceType + '\0' + code;
      const keys = new Set();
      for (const value of info.atom ? evalFhirPath(info.atom, resource) : []) {
        for (const key of info.param.type === 'reference' ? referenceKeys(value) : tokenKeys(value)) {
          keys.add(key);
        }
      }
      for (const key of keys) {
        callback(indexName, key);
      }
    }
  }
}

// The search parameter's expression reduced to this resource type's terms (R4 expressions are
// unions over every type, which are slow to evaluate), parsed once.
const paramInfos = new Map();
function paramInfo(resourceType, code) {
  const cacheKey = resourceType + '\0' + code;
  if (!paramInfos.has(cacheKey)) {
    const param = globalSchema.types[resourceType]?.searchParams?.[code];
    let info;
    if (param?.expression && (param.type === 'token' || param.type === 'reference')) {
      const terms = splitUnion(param.expression).filter((term) => term.replace(/^\(+/, '').startsWith(resourceType + '.'));
      info = { param, atom: terms.length ? parseFhirPath(terms.join(' | ')) : undefined };
    }
    paramInfos.set(cacheKey, info);
  }
  return paramInfos.get(cacheKey);
}

function splitUnion(expression) {
  const terms = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth--;
    } else if (c === '|' && depth === 0) {
      terms.push(expression.substring(start, i).trim());
      start = i + 1;
    }
  }
  terms.push(expression.substring(start).trim());
  return terms;
}

// Token keys, lower-cased as Medplum compares them: "system|code" (or "|code" without a system)
// answers system|code queries exactly, "code" answers code-only queries exactly, and "system|"
// (with a code present) answers system-only queries ("any code of this system") exactly.
function tokenKeys(value) {
  const keys = [];
  const add = (system, code) => {
    if (code !== undefined && code !== null && code !== '') {
      const c = String(code).toLowerCase();
      keys.push(c, (system ? String(system).toLowerCase() : '') + '|' + c);
      if (system) {
        keys.push(String(system).toLowerCase() + '|');
      }
    }
  };
  if (value === undefined || value === null) {
    return keys;
  }
  if (typeof value !== 'object') {
    add(undefined, value);
  } else if (Array.isArray(value.coding) || value.text !== undefined) {
    for (const coding of value.coding ?? EMPTY) {
      add(coding?.system, coding?.code);
    }
  } else if ('code' in value) {
    add(value.system, value.code);
  } else if ('value' in value) {
    add(value.system, value.value);
  }
  return keys;
}

function tokenQueryKey(value) {
  const bar = value.indexOf('|');
  if (bar < 0) {
    return value ? { key: value.toLowerCase(), exact: true } : undefined;
  }
  // "system|" (any code of the system) and "system|code" are keys of their own; "|" alone is not indexed.
  return value.length > 1 ? { key: value.toLowerCase(), exact: true } : undefined;
}

// Reference keys: "ref:" + the reference as written (Medplum compares it exactly), and
// "id:" + the logical id, a superset for queries that give only an id.
function referenceKeys(value) {
  const reference = typeof value === 'string' ? value : value?.reference;
  if (typeof reference !== 'string' || !reference) {
    return [];
  }
  const withoutHistory = reference.replace(/\/_history\/[^/]*$/, '');
  return ['ref:' + reference, 'id:' + withoutHistory.substring(withoutHistory.lastIndexOf('/') + 1)];
}

function referenceQueryKey(value) {
  if (!value) {
    return undefined;
  }
  return value.includes('/') ? { key: 'ref:' + value, exact: true } : { key: 'id:' + value, exact: false };
}

function sortBy(resources, resourceType, rule) {
  const key = (resource) => {
    if (rule.code === '_lastUpdated') {
      return resource.meta?.lastUpdated ?? '';
    }
    if (rule.code === '_id') {
      return resource.id;
    }
    const expression = globalSchema.types[resourceType]?.searchParams?.[rule.code]?.expression;
    return expression ? JSON.stringify(evalFhirPath(expression, resource)) : '';
  };
  const keyed = resources.map((resource) => ({ resource, key: key(resource) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) * (rule.descending ? -1 : 1));
  keyed.forEach((k, i) => {
    resources[i] = k.resource;
  });
}
