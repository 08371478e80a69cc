/**
 * The rules of the modification analysis, in the order they are asked (the first that knows a change decides).
 * @module
 */
import type { DiffRule } from '../types.js';
import { acroFormRule, fieldsArrayRule } from './acroform.js';
import { annotationRule } from './annotation.js';
import { catalogRule } from './catalog.js';
import { containerStreamsRule } from './container-streams.js';
import { danglingReferenceRule } from './dangling-reference.js';
import { dssRule } from './dss.js';
import { formFieldRule } from './form-field.js';
import { metadataRule } from './metadata.js';
import { newObjectRule } from './new-object.js';
import { overwrittenObjectRule } from './overwritten-object.js';
import { pageRule } from './page.js';
import { pageContentRule } from './page-content.js';
import { signatureDictionaryRule } from './signature-dictionary.js';
import { signatureFieldRule } from './signature-field.js';
import { unchangedRule } from './unchanged.js';
import { widgetAppearanceRule } from './widget-appearance.js';

/** The default policy: rules in order. */
export const DEFAULT_RULES: readonly DiffRule[] = [
  unchangedRule, containerStreamsRule, danglingReferenceRule, pageContentRule, catalogRule, acroFormRule, fieldsArrayRule, dssRule,
  metadataRule, signatureDictionaryRule, signatureFieldRule, formFieldRule, widgetAppearanceRule, pageRule, annotationRule,
  newObjectRule, overwrittenObjectRule,
];
