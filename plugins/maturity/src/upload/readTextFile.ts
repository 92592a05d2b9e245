/**
 * A chosen file's text (UTF-8). Through FileReader, which every browser
 * (and jsdom) has, where `Blob.text()` is missing in some.
 */
export function readTextFile(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}
