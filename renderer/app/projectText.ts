/**
 * The project's text for a save and for an autosave: one serializer for both, so what one wrote the
 * other reuses (shared/model/projectSerializer.ts; on the campus 37 → 8 ms of the page's time per
 * save in Chromium once the document has been edited).
 */
import { createProjectSerializer } from '../../shared/index';

export const projectText = createProjectSerializer();
