/**
 * The document's side of the host: its unsaved state goes to the host on every change (Electron
 * asks on close, a browser through beforeunload), files the host opens are offered to the user,
 * the desktop close prompt's Save saves, and files dropped on the window open. A drop never makes
 * the page navigate to the file, whatever it is.
 */
import { useEffect } from 'react';
import { host } from '../platform/host';
import { useEditor } from '../store/editor';
import { openDropped, openRequested, saveDocument } from './fileActions';

/** Drags that carry files or links: left to Chromium, dropping them would load them in place of the app. */
const carriesFiles = (event: DragEvent) =>
  [...(event.dataTransfer?.types ?? [])].some((type) => type === 'Files' || type === 'text/uri-list');

export function useFileHost(): void {
  useEffect(() => {
    let last = '';
    const report = () => {
      const { doc, savedDoc, file } = useEditor.getState();
      const state = { dirty: doc !== savedDoc, fileName: file.name };
      const key = JSON.stringify(state);
      if (key === last) return;
      last = key;
      host.reportDocumentState(state);
    };
    report();
    const stopReporting = useEditor.subscribe(report);
    const stopOpening = host.onOpenRequest((result) => void openRequested(result));
    const stopSaving = host.onSaveBeforeClose(() => saveDocument(false));

    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer)
        event.dataTransfer.dropEffect = event.dataTransfer.types.includes('Files') ? 'copy' : 'none';
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length > 0) void openDropped(files);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      stopReporting();
      stopOpening();
      stopSaving();
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
}
