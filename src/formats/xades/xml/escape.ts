/**
 * Escaping for XML text written by the signer.
 * @module
 */

/**
 * Escape character data (element content).
 *
 * @example
 * ```ts
 * escapeXmlText('a < b & c'); // 'a &lt; b &amp; c'
 * ```
 */
export function escapeXmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}

/**
 * Escape a double-quoted attribute value.
 *
 * @example
 * ```ts
 * escapeXmlAttr('say "hi"'); // 'say &quot;hi&quot;'
 * ```
 */
export function escapeXmlAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;').replace(/\r/g, '&#xD;');
}
