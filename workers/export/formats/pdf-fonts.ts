/**
 * The TTFs the PDF timesheet embeds (subset to the glyphs used), as paths inside node_modules; the build copies them
 * beside the export worker and the worker reads them with `fetchBytes`. Noto Sans SC is ~10 MB, so it is read only
 * when a name on the sheet has CJK characters.
 */
export const PDF_FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  arabic: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
  cjk: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
} as const;

export interface PdfFontBytes {
  regular: Uint8Array;
  bold: Uint8Array;
  arabic: Uint8Array | null;
  /** called only when some text needs it; null (or a failure) leaves CJK characters as '?' */
  cjk: (() => Promise<Uint8Array | null>) | null;
}

/** The font bytes, reading each file through `fetchBytes` (fetch in the worker, readFile in Node). */
export async function loadPdfFonts(fetchBytes: (file: string) => Promise<Uint8Array>): Promise<PdfFontBytes> {
  const [regular, bold, arabic] = await Promise.all([
    fetchBytes(PDF_FONT_FILES.regular),
    fetchBytes(PDF_FONT_FILES.bold),
    fetchBytes(PDF_FONT_FILES.arabic).catch(() => null),
  ]);
  return { regular, bold, arabic, cjk: () => fetchBytes(PDF_FONT_FILES.cjk).catch(() => null) };
}
