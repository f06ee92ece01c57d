import type { ExportTarget } from '../../../workers/export/sinks.ts';

export type Destination = 'file' | 'download';

interface SavePicker {
  showSaveFilePicker(options: {
    suggestedName: string;
    types: { description: string; accept: Record<string, string[]> }[];
  }): Promise<FileSystemFileHandle>;
}

/**
 * Where the export goes. "A file I choose": the save picker (in Electron too: main/ grants our pages the
 * fileSystem permission), its handle handed to the export worker. Where the picker is missing or refused, a
 * download. null when the user closed the picker (nothing is exported).
 */
export async function chooseTarget(
  destination: Destination,
  name: string,
  f: { label: string; extension: string; mime: string },
): Promise<{ target: ExportTarget; fellBack: boolean } | null> {
  const picker = window as unknown as Partial<SavePicker>;
  if (destination === 'file' && typeof picker.showSaveFilePicker === 'function') {
    try {
      const handle = await picker.showSaveFilePicker({
        suggestedName: name,
        types: [{ description: f.label, accept: { [f.mime]: [`.${f.extension}`] } }],
      });
      return { target: { kind: 'file', handle }, fellBack: false };
    } catch (error) {
      if ((error as DOMException)?.name === 'AbortError') return null;
      // SecurityError / NotAllowedError: the picker is refused here; the download still works
    }
    return { target: { kind: 'download', name }, fellBack: true };
  }
  return { target: { kind: 'download', name }, fellBack: false };
}
