/** Column headings of the KPI table, shared by the Management view and its report. */
export const KPI_HEADERS: readonly { label: string; numeric: boolean }[] = [
  { label: 'Wijk', numeric: false },
  { label: 'Meldingen', numeric: true },
  { label: 'Incidenten', numeric: true },
  { label: 'Bezoeken', numeric: true },
  { label: 'Bezoekuren', numeric: true },
  { label: 'Uren per 100 meldingen en incidenten', numeric: true },
  { label: 'Aanwezigheid', numeric: false },
];
