/** The app's one editor store, opened on the built-in sample facility. */
import sampleText from '../../assets/sample-facility.hallwright?raw';
import { newProject, parseProject } from '../../shared/index';
import { createEditorStore } from './documentStore';

function initialDocument() {
  const parsed = parseProject(sampleText);
  // The sample is checked by a unit test; this fallback only guards a broken build.
  return parsed.ok ? parsed.doc : newProject('untitled');
}

export const useEditor = createEditorStore(initialDocument(), { name: 'sample-facility.hallwright', handle: null });
