// Optional authentication: a static bearer token (--bearer) and SMART Backend Services
// (--smart --jwks <file>): client_credentials with a private_key_jwt client assertion signed
// RS384 or ES384 by a key of the JWKS, answered with a short-lived opaque bearer token.
import { createPublicKey, randomBytes, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';

const ALGORITHMS = { RS384: { hash: 'sha384', kty: 'RSA' }, ES384: { hash: 'sha384', kty: 'EC', dsaEncoding: 'ieee-p1363' } };

export class Auth {
  /**
   * @param {{bearer?: string, smart?: boolean, jwks?: string, clientId?: string, tokenTtl?: number}} options
   */
  constructor(options) {
    this.bearer = options.bearer;
    this.smart = Boolean(options.smart);
    this.clientId = options.clientId;
    this.tokenTtl = options.tokenTtl ?? 300;
    this.keys = [];
    if (this.smart) {
      if (!options.jwks) {
        throw new Error('--smart needs --jwks <file>');
      }
      const jwks = JSON.parse(readFileSync(options.jwks, 'utf8'));
      this.keys = (jwks.keys ?? []).map((jwk) => ({ jwk, key: createPublicKey({ key: jwk, format: 'jwk' }) }));
      if (this.keys.length === 0) {
        throw new Error('--jwks file has no keys');
      }
    }
    /** @type {Map<string, {expires: number, scopes: string[]}>} */
    this.tokens = new Map();
    this.usedJti = new Set();
  }

  get enabled() {
    return Boolean(this.bearer) || this.smart;
  }

  /**
   * Checks the Authorization header of a FHIR request.
   * @returns {{ok: true, scopes?: string[]} | {ok: false, status: number, message: string}}
   */
  check(authorization, now = Date.now()) {
    if (!this.enabled) {
      return { ok: true };
    }
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) {
      return { ok: false, status: 401, message: 'Bearer token required' };
    }
    const token = match[1];
    if (this.bearer && token === this.bearer) {
      return { ok: true };
    }
    const issued = this.tokens.get(token);
    if (!issued) {
      return { ok: false, status: 401, message: 'Unknown bearer token' };
    }
    if (issued.expires <= now) {
      this.tokens.delete(token);
      return { ok: false, status: 401, message: 'Bearer token expired' };
    }
    return { ok: true, scopes: issued.scopes };
  }

  /**
   * Answers a token request (form fields). Returns [status, body].
   * @param {URLSearchParams} form
   * @param {string} tokenUrl the token endpoint's own URL, the assertion's required audience
   */
  token(form, tokenUrl, now = Date.now()) {
    const error = (code, description) => [400, { error: code, error_description: description }];
    if (form.get('grant_type') !== 'client_credentials') {
      return error('unsupported_grant_type', 'grant_type must be client_credentials');
    }
    if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
      return error('invalid_request', 'client_assertion_type must be urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    }
    const assertion = form.get('client_assertion') ?? '';
    const parts = assertion.split('.');
    if (parts.length !== 3) {
      return error('invalid_client', 'client_assertion is not a JWT');
    }
    let header;
    let claims;
    try {
      header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    } catch {
      return error('invalid_client', 'client_assertion is not a JWT');
    }
    const algorithm = ALGORITHMS[header.alg];
    if (!algorithm) {
      return error('invalid_client', 'JWT alg must be RS384 or ES384');
    }
    const candidates = this.keys.filter(
      (k) => k.jwk.kty === algorithm.kty && (!header.kid || !k.jwk.kid || k.jwk.kid === header.kid)
    );
    const signed = Buffer.from(parts[0] + '.' + parts[1]);
    const signature = Buffer.from(parts[2], 'base64url');
    const valid = candidates.some((k) =>
      verify(algorithm.hash, signed, { key: k.key, dsaEncoding: algorithm.dsaEncoding }, signature)
    );
    if (!valid) {
      return error('invalid_client', 'JWT signature does not verify against the JWKS');
    }
    const seconds = Math.floor(now / 1000);
    if (!claims.iss || claims.iss !== claims.sub) {
      return error('invalid_client', 'JWT iss and sub must both be the client_id');
    }
    if (this.clientId && claims.iss !== this.clientId) {
      return error('invalid_client', 'Unknown client_id');
    }
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!audiences.includes(tokenUrl)) {
      return error('invalid_client', 'JWT aud must be the token endpoint URL');
    }
    if (typeof claims.exp !== 'number' || claims.exp <= seconds - 60 || claims.exp > seconds + 360) {
      return error('invalid_client', 'JWT exp must be in the future and at most 5 minutes ahead');
    }
    if (!claims.jti || this.usedJti.has(claims.iss + ' ' + claims.jti)) {
      return error('invalid_client', 'JWT jti missing or already used');
    }
    this.usedJti.add(claims.iss + ' ' + claims.jti);
    const scopes = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
    if (scopes.length === 0) {
      return error('invalid_scope', 'scope is required');
    }
    const accessToken = randomBytes(24).toString('base64url');
    this.tokens.set(accessToken, { expires: now + this.tokenTtl * 1000, scopes });
    return [200, { access_token: accessToken, token_type: 'bearer', expires_in: this.tokenTtl, scope: scopes.join(' ') }];
  }

  smartConfiguration(tokenUrl) {
    return {
      token_endpoint: tokenUrl,
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'],
      scopes_supported: ['system/*.read', 'system/*.write', 'system/*.rs', 'system/*.cud'],
      capabilities: ['client-confidential-asymmetric', 'permission-v1', 'permission-v2'],
    };
  }
}

/**
 * Whether SMART scopes allow an interaction on a resource type: v1 (`system/Observation.read`,
 * `.write`, `.*`) and v2 (`system/Observation.rs`, `.cud`, ...) scopes, `*` for every type.
 */
export function scopesAllow(scopes, resourceType, write) {
  if (!scopes) {
    return true;
  }
  return scopes.some((scope) => {
    const match = /^(?:system|user)\/([A-Za-z]+|\*)\.([a-z*]+)$/.exec(scope.split('?')[0]);
    if (!match || (match[1] !== '*' && match[1] !== resourceType)) {
      return false;
    }
    const access = match[2];
    if (access === '*') {
      return true;
    }
    if (access === 'read' || access === 'write') {
      return (access === 'write') === write;
    }
    return write ? /[cud]/.test(access) : /[rs]/.test(access);
  });
}
