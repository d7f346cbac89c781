#!/usr/bin/env node
// Checks every behaviour the adapter relies on against a freshly started server:
//   node tests/fhir-server/smoke.mjs            (exit 0 when all pass)
import { spawn } from 'node:child_process';
import { generateKeyPairSync, sign, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
let failures = 0;
const check = (name, condition, detail) => {
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${name}${condition || detail === undefined ? '' : ' -- ' + JSON.stringify(detail).slice(0, 400)}`);
  if (!condition) {
    failures++;
  }
};

async function start(args = []) {
  const child = spawn(process.execPath, [join(here, 'server.mjs'), '--port', '0', '--quiet', ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const base = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /LISTENING (\S+)/.exec(out);
      if (m) {
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error('server exited ' + code)));
  });
  return { child, base };
}

const JSON_HEADERS = { 'Content-Type': 'application/fhir+json', Accept: 'application/fhir+json' };
async function call(method, url, body, headers = {}) {
  const res = await fetch(url, { method, headers: { ...JSON_HEADERS, ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

const OUTCOME = 'https://fhir.blinfant-interop.org/sid/outcome';
const obs = (patient, value, code = '1234-5', status = 'final') => ({
  resourceType: 'Observation',
  status,
  identifier: [{ system: OUTCOME, value }],
  code: { coding: [{ system: 'http://loinc.org', code }] },
  subject: { reference: `Patient/${patient}` },
});

// ---- unauthenticated server -------------------------------------------------------------
{
  const { child, base } = await start();
  const meta = await call('GET', `${base}/metadata`);
  const rest = meta.body.rest[0];
  const observation = rest.resource.find((r) => r.type === 'Observation');
  check('metadata: CapabilityStatement 4.0.1', meta.status === 200 && meta.body.fhirVersion === '4.0.1');
  check('metadata: transaction', rest.interaction.some((i) => i.code === 'transaction'));
  check('metadata: Observation conditionalUpdate', observation.conditionalUpdate === true);
  for (const p of ['_lastUpdated', 'code', 'subject', 'patient', 'identifier']) {
    check(`metadata: Observation search param ${p}`, observation.searchParam.some((s) => s.name === p));
  }
  check('content type application/fhir+json', meta.headers.get('content-type').startsWith('application/fhir+json'));

  const patient = await call('POST', `${base}/Patient`, { resourceType: 'Patient', identifier: [{ system: 'urn:mrn', value: 'A1' }] });
  const pid = patient.body.id;
  check('create: 201 + Location + ETag', patient.status === 201 && patient.headers.get('location').includes(`/Patient/${pid}/_history/1`) && patient.headers.get('etag') === 'W/"1"');

  // Transaction: conditional PUT (create) + Provenance POST referencing it by urn:uuid.
  const tx = (value, code, status) => {
    const u = 'urn:uuid:' + randomUUID();
    return {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { fullUrl: u, resource: obs(pid, 'blinfant/eligibility/' + pid, code, status), request: { method: 'PUT', url: `Observation?identifier=${encodeURIComponent(OUTCOME + '|blinfant/eligibility/' + pid)}` } },
        { resource: { resourceType: 'Provenance', target: [{ reference: u }], recorded: new Date().toISOString(), agent: [{ who: { display: 'adapter' } }] }, request: { method: 'POST', url: 'Provenance' } },
      ],
    };
  };
  const first = await call('POST', base, tx('x', '1234-5', 'final'));
  const created = first.body.entry?.[0];
  check('transaction: conditional PUT creates (201)', first.status === 200 && created?.response.status.startsWith('201') && created.resource.meta.versionId === '1', first.body);
  check('transaction: Provenance target rewritten', first.body.entry?.[1]?.resource.target[0].reference === `Observation/${created?.resource.id}`, first.body.entry?.[1]);
  const second = await call('POST', base, tx('x', '1234-5', 'amended'));
  check('transaction: conditional PUT updates same id (200, version 2)', second.body.entry?.[0]?.response.status.startsWith('200') && second.body.entry[0].resource.id === created?.resource.id && second.body.entry[0].resource.meta.versionId === '2', second.body);
  const same = await call('POST', base, tx('x', '1234-5', 'amended'));
  check('unchanged content still makes a new version (3)', same.body.entry?.[0]?.resource.meta.versionId === '3');

  const oid = created.resource.id;
  const read = await call('GET', `${base}/Observation/${oid}`);
  check('read', read.status === 200 && read.body.status === 'amended' && read.headers.get('etag') === 'W/"3"');
  const vread = await call('GET', `${base}/Observation/${oid}/_history/1`);
  check('vread', vread.status === 200 && vread.body.status === 'final');
  const history = await call('GET', `${base}/Observation/${oid}/_history`);
  check('_history: 3 versions newest first', history.body.type === 'history' && history.body.entry.length === 3 && history.body.entry[0].resource.meta.versionId === '3');

  // Write-back guards: If-Match in a transaction entry, If-None-Exist on _tag, _summary=count, identifier by system only.
  const ifMatchTx = (version) => ({
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [{ resource: obs(pid, 'blinfant/eligibility/' + pid, '1234-5', 'amended'), request: { method: 'PUT', url: `Observation?identifier=${encodeURIComponent(OUTCOME + '|blinfant/eligibility/' + pid)}`, ifMatch: `W/"${version}"` } }],
  });
  const stale = await call('POST', base, ifMatchTx(2));
  check('transaction: ifMatch on a stale version: 412, nothing written', stale.status === 412 && (await call('GET', `${base}/Observation/${oid}`)).body.meta.versionId === '3', stale.body);
  const fresh = await call('POST', base, ifMatchTx(3));
  check('transaction: ifMatch on the current version: version 4', fresh.status === 200 && fresh.body.entry[0].resource.meta.versionId === '4', fresh.body);
  const KEY = 'https://fhir.blinfant-interop.org/sid/provenance';
  const keyed = () => ({
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [{ resource: { resourceType: 'Provenance', meta: { tag: [{ system: KEY, code: 'blinfant/provenance/x/1' }] }, target: [{ reference: `Observation/${oid}` }], recorded: new Date().toISOString(), agent: [{ who: { display: 'a' } }] }, request: { method: 'POST', url: 'Provenance', ifNoneExist: `_tag=${KEY}|blinfant/provenance/x/1` } }],
  });
  const keyedFirst = await call('POST', base, keyed());
  const keyedAgain = await call('POST', base, keyed());
  const keyedCount = await call('GET', `${base}/Provenance?_tag=${encodeURIComponent(KEY + '|blinfant/provenance/x/1')}&_summary=count`);
  check('transaction: ifNoneExist on _tag creates once (201, then 200 with the same id)',
    keyedFirst.body.entry?.[0]?.response.status.startsWith('201') && keyedAgain.body.entry?.[0]?.response.status.startsWith('200')
      && keyedAgain.body.entry[0].resource.id === keyedFirst.body.entry[0].resource.id && keyedCount.body.total === 1, { keyedFirst: keyedFirst.body, keyedAgain: keyedAgain.body });
  check('_summary=count: total, no entries', keyedCount.body.entry === undefined && keyedCount.body.total === 1, keyedCount.body);
  const bySystem = await call('GET', `${base}/Observation?identifier=${encodeURIComponent(OUTCOME + '|')}&subject=Patient/${pid}`);
  check('search identifier=system| (any value of the system)', bySystem.body.total === 1 && bySystem.body.entry[0].resource.id === oid, bySystem.body.total);
  check('metadata: _tag searchable, Provenance conditionalCreate', rest.searchParam.some((p) => p.name === '_tag') && rest.resource.find((r) => r.type === 'Provenance').conditionalCreate === true);

  // 412: a conditional update matching two resources.
  await call('POST', `${base}/Observation`, obs(pid, 'dup'));
  await call('POST', `${base}/Observation`, obs(pid, 'dup'));
  const dupUrl = `Observation?identifier=${encodeURIComponent(OUTCOME + '|dup')}`;
  const put412 = await call('PUT', `${base}/${dupUrl}`, obs(pid, 'dup'));
  check('conditional PUT matching several: 412 + OperationOutcome', put412.status === 412 && put412.body.resourceType === 'OperationOutcome', put412);
  const before = (await call('GET', `${base}/Provenance?_count=0`)).body.total;
  const tx412 = await call('POST', base, {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      { resource: { resourceType: 'Provenance', target: [{ reference: `Patient/${pid}` }], recorded: new Date().toISOString(), agent: [{ who: { display: 'a' } }] }, request: { method: 'POST', url: 'Provenance' } },
      { resource: obs(pid, 'dup'), request: { method: 'PUT', url: dupUrl } },
    ],
  });
  const after = (await call('GET', `${base}/Provenance?_count=0`)).body.total;
  check('transaction with ambiguous conditional PUT: 412, nothing written', tx412.status === 412 && tx412.body.resourceType === 'OperationOutcome' && after === before, { status: tx412.status, before, after });
  const txBad = await call('POST', base, {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      { resource: obs(pid, 'rollback-me'), request: { method: 'PUT', url: `Observation?identifier=${encodeURIComponent(OUTCOME + '|rollback-me')}` } },
      { resource: { resourceType: 'Observation', id: 'wrong' }, request: { method: 'PUT', url: 'Observation/other' } },
    ],
  });
  const rolledBack = await call('GET', `${base}/Observation?identifier=${encodeURIComponent(OUTCOME + '|rollback-me')}`);
  check('failed transaction: 400 and rolled back', txBad.status === 400 && rolledBack.body.total === 0, { txBad: txBad.status, total: rolledBack.body.total });

  const bad = await call('GET', `${base}/Observation/does-not-exist`);
  check('404 OperationOutcome', bad.status === 404 && bad.body.resourceType === 'OperationOutcome');
  const badType = await call('POST', `${base}/Patient`, { resourceType: 'Patient' }, { 'Content-Type': 'text/plain' });
  check('415 on a non-FHIR content type', badType.status === 415 && badType.body.resourceType === 'OperationOutcome', badType);

  // Search: code OR, subject, patient, identifier, _lastUpdated, paging.
  const mark = new Date().toISOString();
  await new Promise((r) => setTimeout(r, 5));
  const load = { resourceType: 'Bundle', type: 'batch', entry: [] };
  for (let i = 0; i < 25; i++) {
    load.entry.push({ resource: obs(pid, 'page-' + i, i % 2 ? '111-1' : '222-2'), request: { method: 'POST', url: 'Observation' } });
  }
  load.entry.push({ resource: obs('other', 'page-x', '111-1'), request: { method: 'POST', url: 'Observation' } });
  const batch = await call('POST', base, load);
  check('batch: every entry 201', batch.body.type === 'batch-response' && batch.body.entry.every((e) => e.response.status.startsWith('201')));
  const byCode = await call('GET', `${base}/Observation?code=http://loinc.org|111-1,http://loinc.org|222-2&subject=Patient/${pid}&_count=10`);
  check('search code OR + subject: total 25, page of 10, next link', byCode.body.total === 25 && byCode.body.entry.length === 10 && byCode.body.link.some((l) => l.relation === 'next'), byCode.body.link);
  let pages = 1;
  let seen = byCode.body.entry.length;
  let next = byCode.body.link.find((l) => l.relation === 'next')?.url;
  const ids = new Set(byCode.body.entry.map((e) => e.resource.id));
  while (next) {
    const page = await call('GET', next);
    pages++;
    seen += page.body.entry?.length ?? 0;
    page.body.entry?.forEach((e) => ids.add(e.resource.id));
    next = page.body.link.find((l) => l.relation === 'next')?.url;
  }
  check('paging through next: 3 pages, 25 distinct', pages === 3 && seen === 25 && ids.size === 25, { pages, seen, distinct: ids.size });
  const byPatient = await call('GET', `${base}/Observation?patient=${pid}&code=111-1`);
  check('search patient= + code without system', byPatient.body.total === 12, byPatient.body.total);
  const byIdentifier = await call('GET', `${base}/Observation?identifier=${encodeURIComponent(OUTCOME + '|page-3')}`);
  check('search identifier=system|value', byIdentifier.body.total === 1 && byIdentifier.body.entry[0].resource.identifier[0].value === 'page-3');
  const since = await call('GET', `${base}/Observation?_lastUpdated=gt${mark}`);
  check('search _lastUpdated=gt', since.body.total === 26, since.body.total);
  const sinceOffset = await call('GET', `${base}/Observation?_lastUpdated=gt${encodeURIComponent(mark.replace('Z', '+00:00'))}&_count=0`);
  check('search _lastUpdated=gt with +00:00 offset', sinceOffset.body.total === 26, sinceOffset.body.total);
  check('searchset Bundle.meta.lastUpdated', typeof since.body.meta?.lastUpdated === 'string');

  child.stdin.end();
  const code = await new Promise((r) => child.on('exit', r));
  check('exits when stdin closes', code === 0, code);
}

// ---- static bearer -----------------------------------------------------------------------------
{
  const { child, base } = await start(['--bearer', 's3cret']);
  check('bearer: metadata public', (await call('GET', `${base}/metadata`)).status === 200);
  const none = await call('GET', `${base}/Patient`);
  check('bearer: 401 without token', none.status === 401 && none.body.resourceType === 'OperationOutcome');
  check('bearer: 401 wrong token', (await call('GET', `${base}/Patient`, undefined, { Authorization: 'Bearer nope' })).status === 401);
  check('bearer: 200 with token', (await call('GET', `${base}/Patient`, undefined, { Authorization: 'Bearer s3cret' })).status === 200);
  child.kill('SIGTERM');
  const code = await new Promise((r) => child.on('exit', r));
  check('exits on SIGTERM', code === 0, code);
}

// ---- SMART Backend Services -----------------------------------------------------------------------
{
  const dir = mkdtempSync(join(tmpdir(), 'fhir-smoke-'));
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-384' });
  const jwks = { keys: [{ ...rsa.publicKey.export({ format: 'jwk' }), kid: 'rsa1', alg: 'RS384' }, { ...ec.publicKey.export({ format: 'jwk' }), kid: 'ec1', alg: 'ES384' }] };
  writeFileSync(join(dir, 'jwks.json'), JSON.stringify(jwks));
  const { child, base } = await start(['--smart', '--jwks', join(dir, 'jwks.json'), '--client-id', 'interop']);
  const origin = new URL(base).origin;
  const config = await (await fetch(`${base}/.well-known/smart-configuration`)).json();
  check('smart-configuration', config.token_endpoint === `${origin}/auth/token` && config.token_endpoint_auth_signing_alg_values_supported.includes('ES384'));
  const jwt = (alg, key, kid, claims) => {
    const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const head = enc({ alg, typ: 'JWT', kid }) + '.' + enc(claims);
    const signature = sign('sha384', Buffer.from(head), alg === 'ES384' ? { key, dsaEncoding: 'ieee-p1363' } : key);
    return head + '.' + signature.toString('base64url');
  };
  const claims = () => ({ iss: 'interop', sub: 'interop', aud: config.token_endpoint, exp: Math.floor(Date.now() / 1000) + 240, jti: randomUUID() });
  const token = async (assertion, scope = 'system/Observation.read system/Patient.read') =>
    fetch(config.token_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: assertion, scope }),
    }).then(async (r) => ({ status: r.status, body: await r.json() }));
  const rs = await token(jwt('RS384', rsa.privateKey, 'rsa1', claims()));
  check('token: RS384 assertion accepted', rs.status === 200 && rs.body.token_type === 'bearer' && rs.body.expires_in > 0 && rs.body.scope.includes('Observation.read'), rs);
  const es = await token(jwt('ES384', ec.privateKey, 'ec1', claims()));
  check('token: ES384 assertion accepted', es.status === 200, es);
  const forged = await token(jwt('RS384', generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, 'rsa1', claims()));
  check('token: wrong key rejected', forged.status === 400 && forged.body.error === 'invalid_client', forged);
  const auth = { Authorization: `Bearer ${rs.body.access_token}` };
  check('smart: read with token', (await call('GET', `${base}/Observation`, undefined, auth)).status === 200);
  check('smart: 401 without token', (await call('GET', `${base}/Observation`)).status === 401);
  check('smart: 403 write without write scope', (await call('POST', `${base}/Observation`, obs('p', 'z'), auth)).status === 403);
  child.kill('SIGINT');
  await new Promise((r) => child.on('exit', r));
}

// ---- Bulk Data export (async pattern) --------------------------------------------------------------
{
  const { gunzipSync } = await import('node:zlib');
  const { child, base } = await start(['--bulk-polls', '1', '--bulk-file-size', '2']);
  const meta = (await call('GET', `${base}/metadata`)).body;
  const resourceOp = (type) => meta.rest[0].resource.find((r) => r.type === type).operation?.[0]?.definition;
  check('bulk: metadata declares system, patient and group export', meta.rest[0].operation?.[0]?.definition?.endsWith('/export')
    && resourceOp('Patient')?.endsWith('/patient-export') && resourceOp('Group')?.endsWith('/group-export'));
  const tx = { resourceType: 'Bundle', type: 'transaction', entry: [] };
  for (const id of ['b1', 'b2', 'b3']) {
    tx.entry.push({ resource: { resourceType: 'Patient', id }, request: { method: 'PUT', url: `Patient/${id}` } });
    tx.entry.push({ resource: { ...obs(id, 'v' + id), id: 'o' + id }, request: { method: 'PUT', url: `Observation/o${id}` } });
  }
  tx.entry.push({ resource: { resourceType: 'Condition', id: 'c1', subject: { reference: 'Patient/b1' } }, request: { method: 'PUT', url: 'Condition/c1' } });
  tx.entry.push({ resource: { resourceType: 'Group', id: 'g1', type: 'person', actual: true, member: [{ entity: { reference: 'Patient/b2' } }] }, request: { method: 'PUT', url: 'Group/g1' } });
  check('bulk: data loaded', (await call('POST', base, tx)).status === 200);
  const async = { Prefer: 'respond-async' };
  check('bulk: kick-off without Prefer is 400', (await call('GET', `${base}/Patient/$export`)).status === 400);
  check('bulk: _typeFilter is 400 (not supported)', (await call('GET', `${base}/Patient/$export?_typeFilter=Observation%3Fcode%3Dx`, undefined, async)).status === 400);
  const kick = await call('GET', `${base}/Patient/$export?_type=Patient,Observation`, undefined, async);
  const statusUrl = kick.headers.get('content-location');
  check('bulk: kick-off 202 with Content-Location', kick.status === 202 && statusUrl?.startsWith(base + '/$export-status/'), kick);
  const first = await fetch(statusUrl);
  check('bulk: first poll 202 with X-Progress and Retry-After', first.status === 202 && first.headers.get('x-progress') && first.headers.get('retry-after') === '1');
  const done = await fetch(statusUrl);
  const manifest = await done.json();
  check('bulk: manifest with output per type, 2 per file', done.status === 200 && manifest.transactionTime && manifest.requiresAccessToken === false
    && manifest.output.map((o) => `${o.type}:${o.count}`).join(' ') === 'Patient:2 Patient:1 Observation:2 Observation:1', manifest);
  const plain = await (await fetch(manifest.output[0].url)).text();
  check('bulk: file is NDJSON', plain.trim().split('\n').map((l) => JSON.parse(l).id).join() === 'b1,b2', plain);
  const zipped = await fetch(manifest.output[2].url, { headers: { 'Accept-Encoding': 'gzip' }, decompress: false });
  check('bulk: gzip when accepted', zipped.headers.get('content-encoding') === 'gzip');
  const group = await call('GET', `${base}/Group/g1/$export?_type=Patient,Observation,Condition`, undefined, async);
  await fetch(group.headers.get('content-location'));
  const groupManifest = await (await fetch(group.headers.get('content-location'))).json();
  check('bulk: Group export holds only its members', groupManifest.output.map((o) => `${o.type}:${o.count}`).join(' ') === 'Patient:1 Observation:1', groupManifest);
  const later = new Date(Date.now() + 1).toISOString();
  await new Promise((r) => setTimeout(r, 5));
  await call('PUT', `${base}/Observation/ob3`, { ...obs('b3', 'vb3', '9999-9'), id: 'ob3' });
  const since = await call('GET', `${base}/$export?_type=Observation&_since=${encodeURIComponent(later)}`, undefined, async);
  await fetch(since.headers.get('content-location'));
  const sinceManifest = await (await fetch(since.headers.get('content-location'))).json();
  check('bulk: system export with _since holds only what changed', sinceManifest.output.map((o) => `${o.type}:${o.count}`).join(' ') === 'Observation:1', sinceManifest);
  check('bulk: DELETE cancels (202), then 404', (await fetch(statusUrl, { method: 'DELETE' })).status === 202 && (await fetch(statusUrl)).status === 404);
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));
}

console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
process.exit(failures ? 1 : 0);
