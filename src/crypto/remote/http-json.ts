/**
 * JSON over HTTP(S) for remote signing services: POST only, no redirects, a per-request timeout, a response size
 * cap, and typed errors. (Certificate/CRL/OCSP/TSA traffic goes through the PKI layer's fetcher; signing services
 * are a separate, authenticated channel the crypto layer talks to directly.)
 * @module
 */
import { EdusignError } from '../../errors.js';

/** The fetch function shape used (global `fetch` by default; inject one for proxies or tests). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Options for {@link postJson}. */
export interface PostJsonOptions {
  headers?: Record<string, string>;
  /** Per-request timeout (default 30 000 ms). */
  timeoutMs?: number;
  /** Largest accepted response body (default 1 MiB). */
  maxBytes?: number;
  signal?: AbortSignal;
  fetch?: FetchLike;
}

/** A parsed JSON response (any status). */
export interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new EdusignError('RESPONSE_TOO_LARGE', { context: { maxBytes, declared } });
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new EdusignError('RESPONSE_TOO_LARGE', { context: { maxBytes } });
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * POST a JSON body and read a JSON answer. Network failure → NETWORK_ERROR, timeout → NETWORK_TIMEOUT, too big →
 * RESPONSE_TOO_LARGE, a body that is not JSON → SIGNER_FAILED. HTTP error statuses are returned, not thrown.
 *
 * @example
 * ```ts
 * const { status, body } = await postJson('https://rssp.example/csc/v2/credentials/info', { credentialID: 'x' });
 * ```
 */
export async function postJson(url: string, body: unknown, options: PostJsonOptions = {}): Promise<JsonResponse> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new EdusignError('INVALID_ARGUMENT', { detail: `bad URL ${url}`, cause });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new EdusignError('INVALID_ARGUMENT', { detail: `unsupported URL scheme ${parsed.protocol}` });
  }
  const timeoutMs = options.timeoutMs ?? 30_000;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  let response: Response;
  let bytes: Uint8Array;
  try {
    response = await doFetch(parsed.href, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
      body: JSON.stringify(body),
      redirect: 'error',
      signal,
    });
    bytes = await readCapped(response, options.maxBytes ?? 1024 * 1024);
  } catch (cause) {
    if (cause instanceof EdusignError) throw cause;
    if (timeout.aborted && !options.signal?.aborted) {
      throw new EdusignError('NETWORK_TIMEOUT', { context: { url: parsed.origin + parsed.pathname, timeoutMs }, cause });
    }
    throw new EdusignError('NETWORK_ERROR', { detail: (cause as Error)?.message, context: { url: parsed.origin + parsed.pathname }, cause });
  }
  if (bytes.length === 0) return { status: response.status, body: null };
  try {
    return { status: response.status, body: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch (cause) {
    throw new EdusignError('SIGNER_FAILED', { detail: `the signing service answered HTTP ${response.status} with a body that is not JSON`, cause });
  }
}
