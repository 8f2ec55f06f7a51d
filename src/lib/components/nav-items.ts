/** The product's views, in the order of the main navigation. */
export const NAV_ITEMS = [
  { path: '/', label: 'Overzicht' },
  { path: '/verkennen', label: 'Verkennen' },
  { path: '/tijden', label: 'Tijden' },
  { path: '/wijken', label: 'Wijken' },
  { path: '/buitengebied', label: 'Buitengebied' },
  { path: '/briefing', label: 'Briefing' },
  { path: '/management', label: 'Management' },
  { path: '/gegevens', label: 'Gegevens' },
] as const;
