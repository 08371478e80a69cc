/**
 * The one network fetcher of the SDK (AIA certificates, CRLs, OCSP, RFC 3161 timestamps), built on
 * node:http / node:https with a total deadline, a streamed size limit and a strict redirect policy.
 * @module
 */
import * as http from 'node:http';
import * as https from 'node:https';
import * as tls from 'node:tls';
import { EdusignError } from '../../errors.js';
import type { FetchRequest, Fetcher } from '../types.js';

/** Options of {@link createFetcher}. */
export interface FetcherOptions {
  /** No network at all: every call throws `NETWORK_OFFLINE`. */
  offline?: boolean;
  /** Total time budget of one call (connect, redirects, headers and body), default 10 000 ms. */
  timeoutMs?: number;
  /** Maximum body size in bytes, enforced while streaming; default 32 MiB. */
  maxBytes?: number;
  /** Maximum number of same-scheme redirects followed, default 3. */
  maxRedirects?: number;
  /**
   * Static name resolution: host name (or `host:port`) -> `ip:port`. The original host is kept in the
   * `Host` header and as TLS server name. Used by tests to map `ocsp.edusign.test` to 127.0.0.1 ports.
   */
  resolve?: Readonly<Record<string, string>>;
  /** `User-Agent` header, default `edusign-vn`. */
  userAgent?: string;
  /**
   * Extra trusted CA certificates (PEM) for https servers (a private TSA, a school's own OCSP proxy); the
   * system store is used when absent. Server certificates are always verified.
   */
  tlsCa?: readonly string[];
}

const DEFAULTS = { timeoutMs: 10_000, maxBytes: 32 * 1024 * 1024, maxRedirects: 3 } as const;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

interface Target {
  url: URL;
  host: string;
  port: number;
}

/**
 * Create the network fetcher used for AIA, CRL, OCSP and TSA requests.
 *
 * Errors (all {@link EdusignError}): `NETWORK_OFFLINE`, `NETWORK_SCHEME_NOT_ALLOWED` (not http/https, or a
 * redirect to another scheme), `NETWORK_TIMEOUT` (total deadline, slow-drip bodies included),
 * `RESPONSE_TOO_LARGE`, `NETWORK_ERROR` (connection failure, HTTP status other than 2xx, too many redirects).
 *
 * @example
 * ```ts
 * const fetcher = createFetcher({ timeoutMs: 5000, maxBytes: 10_000_000 });
 * const crlBytes = await fetcher.fetch('http://pki.edusign.test/crl/edu-ca.crl');
 * ```
 */
export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const timeoutMs = positive(options.timeoutMs, DEFAULTS.timeoutMs, 'timeoutMs');
  const maxBytes = positive(options.maxBytes, DEFAULTS.maxBytes, 'maxBytes');
  const maxRedirects = options.maxRedirects ?? DEFAULTS.maxRedirects;
  const resolve = { ...(options.resolve ?? {}) };
  const userAgent = options.userAgent ?? 'edusign-vn';
  const ca = options.tlsCa ? [...tls.rootCertificates, ...options.tlsCa] : undefined;
  return {
    async fetch(url: string, request: FetchRequest = {}): Promise<Uint8Array> {
      if (options.offline) {
        throw new EdusignError('NETWORK_OFFLINE', { detail: url, context: { url } });
      }
      const deadline = Date.now() + positive(request.timeoutMs, timeoutMs, 'timeoutMs');
      const limit = positive(request.maxBytes, maxBytes, 'maxBytes');
      let current = parseUrl(url);
      const scheme = current.protocol;
      for (let hop = 0; ; hop++) {
        const result = await exchange(toTarget(current, resolve), request, { deadline, limit, userAgent, ca });
        if (result.kind === 'body') return result.body;
        if (hop >= maxRedirects) {
          throw new EdusignError('NETWORK_ERROR', { detail: `too many redirects (${url})`, detailVi: `quá nhiều lần chuyển hướng (${url})`, context: { url } });
        }
        const next = parseUrl(new URL(result.location, current).toString());
        if (next.protocol !== scheme) {
          throw new EdusignError('NETWORK_SCHEME_NOT_ALLOWED', {
            detail: `redirect from ${scheme} to ${next.protocol} refused (${url})`,
            detailVi: `từ chối chuyển hướng từ ${scheme} sang ${next.protocol} (${url})`,
            context: { url, location: result.location },
          });
        }
        current = next;
      }
    },
  };
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: `${name} must be a positive number`, detailVi: `${name} phải là số dương` });
  }
  return value;
}

function parseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new EdusignError('NETWORK_SCHEME_NOT_ALLOWED', { detail: `not a URL: ${url}`, detailVi: `không phải URL: ${url}`, context: { url }, cause });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new EdusignError('NETWORK_SCHEME_NOT_ALLOWED', {
      detail: `only http and https are allowed (${url})`,
      detailVi: `chỉ cho phép http và https (${url})`,
      context: { url },
    });
  }
  return parsed;
}

function toTarget(url: URL, resolve: Readonly<Record<string, string>>): Target {
  const defaultPort = url.protocol === 'https:' ? 443 : 80;
  const port = url.port ? Number(url.port) : defaultPort;
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const mapped = resolve[`${hostname}:${port}`] ?? resolve[hostname];
  if (mapped === undefined) return { url, host: hostname, port };
  const at = mapped.lastIndexOf(':');
  if (at <= 0) return { url, host: mapped, port };
  return { url, host: mapped.slice(0, at).replace(/^\[|\]$/g, ''), port: Number(mapped.slice(at + 1)) };
}

type Exchange = { kind: 'body'; body: Uint8Array } | { kind: 'redirect'; location: string };

interface Limits {
  deadline: number;
  limit: number;
  userAgent: string;
  ca: string[] | undefined;
}

function exchange(target: Target, request: FetchRequest, limits: Limits): Promise<Exchange> {
  const { url } = target;
  const remaining = limits.deadline - Date.now();
  if (remaining <= 0) return Promise.reject(timeoutError(url.toString()));
  return new Promise<Exchange>((resolvePromise, rejectPromise) => {
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const method = request.method ?? (request.body ? 'POST' : 'GET');
    const headers: Record<string, string> = { 'user-agent': limits.userAgent, host: url.host, connection: 'close' };
    if (request.accept) headers.accept = request.accept;
    if (request.body) {
      headers['content-type'] = request.contentType ?? 'application/octet-stream';
      headers['content-length'] = String(request.body.byteLength);
    }
    const requestOptions: https.RequestOptions = {
      host: target.host,
      port: target.port,
      method,
      path: `${url.pathname}${url.search}`,
      headers,
      agent: false,
      servername: url.protocol === 'https:' && !/^[\d.:]+$/.test(url.hostname) ? url.hostname : undefined,
      rejectUnauthorized: true,
    };
    if (limits.ca) requestOptions.ca = limits.ca;
    const req = (url.protocol === 'https:' ? https : http).request(requestOptions, (res) => {
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        const location = res.headers.location;
        res.resume();
        finish(() => {
          req.destroy();
          if (typeof location === 'string' && location.length > 0) resolvePromise({ kind: 'redirect', location });
          else rejectPromise(new EdusignError('NETWORK_ERROR', { detail: `redirect without Location (${url})`, context: { url: url.toString(), status } }));
        });
        return;
      }
      if (status < 200 || status > 299) {
        res.resume();
        finish(() => {
          req.destroy();
          rejectPromise(new EdusignError('NETWORK_ERROR', {
            detail: `HTTP ${status} from ${url}`,
            detailVi: `máy chủ trả về HTTP ${status} (${url})`,
            context: { url: url.toString(), status },
          }));
        });
        return;
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.limit) {
        finish(() => {
          req.destroy();
          rejectPromise(tooLarge(url.toString(), limits.limit));
        });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.limit) {
          finish(() => {
            req.destroy();
            rejectPromise(tooLarge(url.toString(), limits.limit));
          });
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => finish(() => resolvePromise({ kind: 'body', body: new Uint8Array(Buffer.concat(chunks, size)) })));
      res.on('error', (cause) => finish(() => rejectPromise(networkError(url.toString(), cause))));
      res.on('aborted', () => finish(() => rejectPromise(networkError(url.toString(), new Error('response aborted')))));
    });
    const timer = setTimeout(() => finish(() => {
      req.destroy();
      rejectPromise(timeoutError(url.toString()));
    }), remaining);
    req.on('error', (cause) => finish(() => rejectPromise(networkError(url.toString(), cause))));
    req.end(request.body ? Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength) : undefined);
  });
}

function timeoutError(url: string): EdusignError {
  return new EdusignError('NETWORK_TIMEOUT', { detail: url, context: { url } });
}

function tooLarge(url: string, limit: number): EdusignError {
  return new EdusignError('RESPONSE_TOO_LARGE', {
    detail: `more than ${limit} bytes from ${url}`,
    detailVi: `lớn hơn ${limit} byte (${url})`,
    context: { url, limit },
  });
}

function networkError(url: string, cause: unknown): EdusignError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new EdusignError('NETWORK_ERROR', { detail: `${url}: ${reason}`, context: { url }, cause });
}
