// Entry point of the task pane: polyfills first, then Office.onReady → the Excel port → the pane.

import './polyfills';
import { createExcelPort } from '../adapters/officejs/port';
import type { OfficeHost } from '../adapters/officejs/host';
import { mount, showOutsideExcel } from './pane';
import { writersPart } from './parts';

Office.onReady((info) => {
  if (info.host !== Office.HostType.Excel) {
    showOutsideExcel();
    return;
  }
  // The document, typed by Office.js, gives the file in the shape file.ts reads ('compressed').
  const document = Office.context.document as unknown as OfficeHost['document'];
  void mount(createExcelPort({ Excel, requirements: Office.context.requirements, document, writers: writersPart }));
});
