/**
 * Attacker tools for the XML attack suite: re-sign a modified SignedInfo with any key (what an attacker who
 * holds *some* key can do), and shared fixtures.
 */
import { sign as nodeSign } from 'node:crypto';
import { NS } from '../../../src/formats/xades/constants.js';
import { canonicalize } from '../../../src/formats/xades/xml/c14n.js';
import { buildIdIndex } from '../../../src/formats/xades/xml/ids.js';
import { parseXml } from '../../../src/formats/xades/xml/parse.js';
import { firstChild } from '../../../src/formats/xades/xml/query.js';
import { der, key } from '../../formats/xades/helpers.js';

export const trustStore = { anchors: [der('root-neac')], intermediates: [der('ca-edu')] };
export const verifyOpts = { trustStore, revocation: { skip: true }, offline: true } as const;

/** Recompute the SignatureValue of signature `sigId` (exclusive C14N, RSA-SHA256) with fixture key `keyName`. */
export function resign(xml: string, sigId: string, keyName: string): string {
  const doc = parseXml(xml);
  const sig = buildIdIndex(doc).get(sigId)![0]!;
  const si = firstChild(sig, NS.ds, 'SignedInfo')!;
  const sv = firstChild(sig, NS.ds, 'SignatureValue')!;
  const value = nodeSign('sha256', Buffer.from(canonicalize(si, { method: 'exc' })), key(keyName)).toString('base64');
  return doc.text.slice(0, sv.openEnd) + value + doc.text.slice(sv.closeStart);
}

/** The first element text `<Tag …>…</Tag>` of `xml` (non-nested tags only). */
export function elementText(xml: string, tag: string): string {
  const m = new RegExp(`<${tag}[\\s>][^]*?</${tag}>`).exec(xml);
  if (!m) throw new Error(`no <${tag}>`);
  return m[0];
}
