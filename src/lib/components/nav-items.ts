/** The product's views, in the order of the main navigation. `filtered`: the view follows
 * the shared filter (its link carries the current selection). */
export const NAV_ITEMS = [
  { path: '/', label: 'Overzicht' },
  { path: '/verkennen', label: 'Verkennen', filtered: true },
  { path: '/tijden', label: 'Tijden', filtered: true },
  { path: '/wijken', label: 'Wijken', filtered: true },
  { path: '/buitengebied', label: 'Buitengebied' },
  { path: '/briefing', label: 'Briefing' },
  { path: '/management', label: 'Management' },
  { path: '/gegevens', label: 'Gegevens' },
] as const;
