import type { ExportFormat } from './export-contract.ts';

/** Each export format's name in the UI, its file extension and MIME type (the picker's filter). */
export const FORMAT_FILES: Record<ExportFormat, { label: string; extension: string; mime: string }> = {
  csv: { label: 'CSV, detailed (LightTrack)', extension: 'csv', mime: 'text/csv' },
  'csv-toggl': { label: 'CSV, detailed (Toggl Track)', extension: 'csv', mime: 'text/csv' },
  'csv-clockify': { label: 'CSV, detailed (Clockify)', extension: 'csv', mime: 'text/csv' },
  'csv-summary': { label: 'CSV, summary', extension: 'csv', mime: 'text/csv' },
  xlsx: {
    label: 'Excel workbook (XLSX)',
    extension: 'xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  pdf: { label: 'PDF timesheet', extension: 'pdf', mime: 'application/pdf' },
  markdown: { label: 'Markdown timesheet', extension: 'md', mime: 'text/markdown' },
  ics: { label: 'iCalendar (.ics)', extension: 'ics', mime: 'text/calendar' },
  'lighttrack-json': { label: 'LightTrack JSON', extension: 'json', mime: 'application/json' },
};
