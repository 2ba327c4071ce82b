import { useState } from 'react';
import { saveFile, type NamedFile } from '../api/saved-file';

/** Where a file export a user started stands: fetching it, the name it was saved under, or why it failed. */
export interface FileExport {
  readonly busy: boolean;
  readonly error: unknown;
  /** The name of the file last saved; cleared when another export starts. */
  readonly saved: string | undefined;
  /** Fetches the file (the API streams it and records the export) and hands it to the browser to save. */
  readonly start: () => Promise<void>;
}

/** A file export behind a button, such as the HTCDS export or the audit log's CSV: `fetchFile` fetches the file. */
export function useFileExport(fetchFile: () => Promise<NamedFile>): FileExport {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<string>();
  const start = async () => {
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    try {
      const file = await fetchFile();
      saveFile(file);
      setSaved(file.fileName);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, saved, start };
}
