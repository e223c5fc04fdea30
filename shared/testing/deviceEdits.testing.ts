/**
 * Random sequences of device edits (`withDevices`) for the property tests of what the power checks
 * keep between an editor's checks: each a rack of the document and how its devices change, or
 * an edit that touches no rack.
 */
import fc from 'fast-check';
import type { ProjectDocument } from '../model/schema';
import { NOTHING } from './deviceEdits';

export const deviceEditSequences = (doc: ProjectDocument, maxLength: number) =>
  fc.array(fc.tuple(fc.nat({ max: doc.racks.length - 1 }), fc.nat({ max: NOTHING })), { minLength: 1, maxLength });
