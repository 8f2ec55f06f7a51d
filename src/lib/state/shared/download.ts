import { UserError } from '../../data/user-error';
/** Saves bytes or text as a file through the browser's download (nothing leaves the tab). */
export function saveFile(content: string | Uint8Array, fileName: string, type: string): void {
  const part = typeof content === 'string' ? content : (content as Uint8Array<ArrayBuffer>);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download may still be reading the object URL.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A problem with a chosen file, in Dutch, shown as it is. */
export class FileReadError extends UserError {}

/** Reads a chosen file; a file the browser cannot read becomes a Dutch message. */
export async function readChosenFile(file: File): Promise<Uint8Array> {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch {
    throw new FileReadError(
      `Het bestand ‘${file.name}’ kon niet worden gelezen (te groot, verplaatst of geen toegang).`,
    );
  }
}
