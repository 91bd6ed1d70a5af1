// The open workbook as an .xlsx file, through Office's Document.getFileAsync (the Common API, File 1.1:
// Excel 2013+, Excel on the web, Mac): in slices of up to 4 MB, the file closed afterwards as Office
// asks (a host keeps at most two open). What the pane offers to download when it makes workbooks for
// several units in one go.

/** The part of Office.Document this needs (the test host supplies its own). */
export interface FileSource {
  getFileAsync(fileType: 'compressed', options: { sliceSize: number }, callback: (result: AsyncResult<OfficeFile>) => void): void;
}

interface AsyncResult<T> {
  status: 'succeeded' | 'failed';
  value: T;
  error?: { message: string };
}

interface OfficeFile {
  size: number;
  sliceCount: number;
  getSliceAsync(index: number, callback: (result: AsyncResult<{ data: ArrayLike<number> }>) => void): void;
  closeAsync(callback?: () => void): void;
}

const SLICE_SIZE = 4 * 1024 * 1024;

function failed(step: string, result: { error?: { message: string } }): Error {
  return new Error(`getFileAsync: ${step} failed${result.error ? ': ' + result.error.message : ''}`);
}

export function readWholeFile(source: FileSource): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    source.getFileAsync('compressed', { sliceSize: SLICE_SIZE }, (opened) => {
      if (opened.status !== 'succeeded') {
        reject(failed('opening the file', opened));
        return;
      }
      const file = opened.value;
      const bytes = new Uint8Array(file.size);
      let offset = 0;
      const next = (index: number) => {
        if (index >= file.sliceCount) {
          file.closeAsync(() => resolve(offset === file.size ? bytes : bytes.subarray(0, offset)));
          return;
        }
        file.getSliceAsync(index, (slice) => {
          if (slice.status !== 'succeeded') {
            file.closeAsync();
            reject(failed(`slice ${index + 1} of ${file.sliceCount}`, slice));
            return;
          }
          const data = slice.value.data;
          for (let i = 0; i < data.length && offset < bytes.length; i++) bytes[offset++] = data[i];
          next(index + 1);
        });
      };
      next(0);
    });
  });
}
