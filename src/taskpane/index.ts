// Entry point of the task pane: polyfills first, then Office.onReady → the Excel port → the pane.

import './polyfills';
import { createExcelPort } from '../adapters/officejs/port';
import { mount, showOutsideExcel } from './pane';

Office.onReady((info) => {
  if (info.host !== Office.HostType.Excel) {
    showOutsideExcel();
    return;
  }
  void mount(createExcelPort({ Excel, requirements: Office.context.requirements }));
});
