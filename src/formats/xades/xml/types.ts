/**
 * The light, read-only XML tree of the XAdES layer: one parse of the input, every node keeps its offsets into
 * the (line-ending normalised) source text so a signature can be spliced in without re-serialising anything.
 * @module
 */

/** An attribute after entity expansion and attribute-value normalisation. */
export interface XAttr {
  /** Qualified name as written (`Id`, `xml:lang`, `ds:Algorithm`). */
  readonly qname: string;
  readonly prefix: string;
  readonly local: string;
  /** Namespace URI ('' for no namespace; unprefixed attributes never have one). */
  readonly ns: string;
  readonly value: string;
}

/** A namespace declaration written on an element (`xmlns="…"` has prefix ''). */
export interface XNsDecl {
  readonly prefix: string;
  readonly uri: string;
}

/** An element node. */
export interface XElement {
  readonly type: 'element';
  readonly qname: string;
  readonly prefix: string;
  readonly local: string;
  readonly ns: string;
  /** Ordinary attributes (namespace declarations are in {@link XElement.nsDecls}). */
  readonly attrs: XAttr[];
  readonly nsDecls: XNsDecl[];
  /** In-scope namespaces (prefix → URI, '' = default), including inherited ones. */
  readonly scope: Readonly<Record<string, string>>;
  readonly parent: XElement | null;
  readonly children: XNode[];
  readonly depth: number;
  /** Offset of `<` of the start tag. */
  readonly start: number;
  /** Offset just after the start tag's `>`. */
  openEnd: number;
  /** Offset of `</` of the end tag (equals `openEnd - 2` for a self-closing tag, i.e. the `/>`). */
  closeStart: number;
  /** Offset just after the element. */
  end: number;
  selfClosing: boolean;
}

/** Character data (text and CDATA sections, entity references expanded). */
export interface XText {
  readonly type: 'text';
  readonly value: string;
  readonly parent: XElement | null;
}

/** A comment. */
export interface XComment {
  readonly type: 'comment';
  readonly value: string;
  readonly parent: XElement | null;
}

/** A processing instruction (never the XML declaration). */
export interface XPi {
  readonly type: 'pi';
  readonly target: string;
  readonly data: string;
  readonly parent: XElement | null;
}

/** Any node of the tree. */
export type XNode = XElement | XText | XComment | XPi;

/** A parsed document. */
export interface XDocument {
  /** The source text the offsets refer to (UTF-8 decoded, BOM removed, line endings normalised to LF). */
  readonly text: string;
  readonly root: XElement;
  /** Top-level comments and PIs before and after the root (the root itself is included, in order). */
  readonly children: XNode[];
  /** Number of elements. */
  readonly elementCount: number;
  /** Elements carrying an `Id`, `ID`, `id` or `xml:id` attribute, in document order (collected while parsing). */
  readonly idElements: readonly XElement[];
  /** `ds:Signature` elements (XMLDSig namespace), in document order (collected while parsing). */
  readonly signatureElements: readonly XElement[];
}

/** Limits applied while parsing hostile input. */
export interface XmlLimits {
  /** Maximum input size in bytes (UTF-16 code units for string input). Default 32 MiB. */
  maxBytes?: number;
  /** Maximum element nesting depth. Default 256, capped at 100 000. */
  maxDepth?: number;
  /** Maximum number of elements. Default 500 000. */
  maxElements?: number;
  /** Maximum attributes on one element. Default 256. */
  maxAttributes?: number;
}
