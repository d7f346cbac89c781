// FHIR Bulk Data Access (v2) export over the in-memory store, the asynchronous request pattern:
//   GET [base]/$export | [base]/Patient/$export | [base]/Group/{id}/$export  (Prefer: respond-async)
//     _type (comma list), _since (instant), _outputFormat (ndjson); _typeFilter is not supported (400)
//   -> 202 + Content-Location [base]/$export-status/{job}
//   GET status -> 202 (X-Progress, Retry-After) for the first --bulk-polls polls, then 200 + manifest
//   GET [base]/$export-files/{job}/{n}.ndjson -> application/fhir+ndjson (gzip when accepted)
//   DELETE status -> 202; the job and its files are gone (404 afterwards)
// The export is a snapshot taken at kick-off (transactionTime = the kick-off time).
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';

const PATIENT_REFS = ['subject', 'patient'];

export class BulkExports {
  constructor(store, options) {
    this.store = store;
    this.polls = options.bulkPolls ?? 1;
    this.fileSize = options.bulkFileSize ?? 1000;
    this.jobs = new Map();
    this.downloads = 0;
    this.served = new Map();
  }

  /** Counts one file as served (its whole answer was handed to a client still connected). */
  markServed(id, n) {
    const key = `${id}/${n}`;
    this.served.set(key, (this.served.get(key) ?? 0) + 1);
  }

  /** How many times each file was served: { "{job}/{n}": count }. */
  downloadCounts() {
    return Object.fromEntries(this.served);
  }

  /** Kick-off. Returns [status, body, headers]. */
  kickOff(level, groupId, params, headers, base) {
    if (!/respond-async/.test(headers.prefer ?? '')) {
      return [400, outcome('invalid', 'Prefer: respond-async is required')];
    }
    const format = params.get('_outputFormat');
    if (format && !['application/fhir+ndjson', 'application/ndjson', 'ndjson'].includes(format)) {
      return [400, outcome('not-supported', 'Only NDJSON output is supported')];
    }
    if (params.has('_typeFilter')) {
      return [400, outcome('not-supported', '_typeFilter is not supported')];
    }
    const since = params.get('_since');
    if (since && Number.isNaN(Date.parse(since))) {
      return [400, outcome('invalid', '_since must be an instant')];
    }
    let members;
    if (level === 'group') {
      const group = this.store.entryOf('Group', groupId)?.current;
      if (!group) {
        return [404, outcome('not-found', 'No such Group')];
      }
      members = new Set((group.member ?? []).map((m) => m.entity?.reference).filter(Boolean));
    }
    const types = params.get('_type')?.split(',').map((t) => t.trim()).filter(Boolean) ?? [...this.store.types.keys()].sort();
    const transactionTime = new Date().toISOString();
    const output = [];
    for (const type of types) {
      const resources = [];
      for (const entry of this.store.types.get(type)?.values() ?? []) {
        const resource = entry.current;
        if (!resource || (since && resource.meta.lastUpdated <= since)) {
          continue;
        }
        if (level !== 'system' && !inCompartment(resource, members)) {
          continue;
        }
        resources.push(JSON.stringify(resource));
      }
      for (let i = 0; i < resources.length; i += this.fileSize) {
        output.push({ type, lines: resources.slice(i, i + this.fileSize) });
      }
    }
    const id = randomUUID();
    this.jobs.set(id, { polls: 0, transactionTime, request: base + '/' + (level === 'group' ? `Group/${groupId}/` : level === 'patient' ? 'Patient/' : '') + '$export', output });
    return [202, outcome('informational', 'Export accepted', 'information'), { 'Content-Location': `${base}/$export-status/${id}` }];
  }

  status(id, base, requiresAccessToken) {
    const job = this.jobs.get(id);
    if (!job) {
      return [404, outcome('not-found', 'No such export job')];
    }
    if (job.polls < this.polls) {
      job.polls++;
      return [202, undefined, { 'X-Progress': `${Math.round((100 * job.polls) / (this.polls + 1))}% done`, 'Retry-After': '1' }];
    }
    return [
      200,
      {
        transactionTime: job.transactionTime,
        request: job.request,
        requiresAccessToken,
        output: job.output.map((file, n) => ({ type: file.type, url: `${base}/$export-files/${id}/${n + 1}.ndjson`, count: file.lines.length })),
        error: [],
      },
    ];
  }

  cancel(id) {
    if (!this.jobs.delete(id)) {
      return [404, outcome('not-found', 'No such export job')];
    }
    return [202, outcome('informational', 'Export cancelled', 'information')];
  }

  /** A file: [status, body (Buffer), headers]. */
  file(id, n, acceptEncoding) {
    const file = this.jobs.get(id)?.output[Number.parseInt(n, 10) - 1];
    if (!file) {
      return [404, Buffer.from(JSON.stringify(outcome('not-found', 'No such file'))), { 'Content-Type': 'application/fhir+json' }];
    }
    this.downloads++;
    const text = Buffer.from(file.lines.map((l) => l + '\n').join(''), 'utf8');
    return /\bgzip\b/.test(acceptEncoding ?? '')
      ? [200, gzipSync(text), { 'Content-Type': 'application/fhir+ndjson', 'Content-Encoding': 'gzip' }]
      : [200, text, { 'Content-Type': 'application/fhir+ndjson' }];
  }
}

/** Whether a resource belongs to a Patient compartment (of the members, when given). */
function inCompartment(resource, members) {
  if (resource.resourceType === 'Patient') {
    return !members || members.has(`Patient/${resource.id}`);
  }
  const refs = PATIENT_REFS.map((p) => resource[p]?.reference).filter((r) => r?.startsWith('Patient/'));
  return refs.length > 0 && (!members || refs.some((r) => members.has(r)));
}

function outcome(code, text, severity = 'error') {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code, details: { text } }] };
}
