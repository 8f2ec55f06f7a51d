/**
 * What gets registered in Donderdeel, per theme: incident categories (BOA registration
 * slugs), melding categories (Signalen main/sub slugs from
 * shared/reference/meldingen-categories.md), outcome shares, and how often each category
 * is known only as a time window.
 */
import type { Outcome, Theme } from '../../src/lib/data/themes';

/** How a window is drawn back from the registration time. */
export type WindowKind = 'overnight' | 'hours' | 'days';

export interface IncidentCategory {
  slug: string;
  weight: number;
  /** Share of registrations known only as a window (found afterwards). */
  windowShare?: number;
  windowKind?: WindowKind;
}

export interface MeldingCategory {
  main: string;
  sub: string;
  weight: number;
  windowShare?: number;
  windowKind?: WindowKind;
}

export interface ThemeCatalog {
  /** Shares of the background (non-planted) records. */
  incidentShare: number;
  meldingShare: number;
  incidents: readonly IncidentCategory[];
  meldingen: readonly MeldingCategory[];
  /** Weights in the order of OUTCOMES. */
  outcomes: readonly number[];
  /** Median hours from melding to closure. */
  closeHours: number;
}

const ic = (slug: string, weight: number, windowShare = 0, windowKind?: WindowKind) => ({
  slug,
  weight,
  windowShare,
  windowKind,
});
const mc = (
  main: string,
  sub: string,
  weight: number,
  windowShare = 0,
  windowKind?: WindowKind,
): MeldingCategory => ({ main, sub, weight, windowShare, windowKind });

const PERSONEN = 'overlast-van-en-door-personen-of-groepen';
const OPENBARE_RUIMTE = 'overlast-in-de-openbare-ruimte';
const HORECA = 'overlast-bedrijven-en-horeca';
const WEGEN = 'wegen-verkeer-straatmeubilair';
const GROEN = 'openbaar-groen-en-water';
const DIEREN = 'overlast-van-dieren';

export const CATALOG: Record<Theme, ThemeCatalog> = {
  afval: {
    incidentShare: 0.14,
    meldingShare: 0.3,
    incidents: [
      ic('bijplaatsing-container', 30, 0.6, 'overnight'),
      ic('afvaldumping', 20, 0.7, 'days'),
      ic('zwerfafval', 15),
      ic('huisvuil-verkeerd-aangeboden', 25, 0.3, 'overnight'),
      ic('bedrijfsafval', 10),
    ],
    meldingen: [
      mc('afval', 'container-bijplaatsing', 18, 0.75, 'overnight'),
      mc('afval', 'container-is-vol', 14),
      mc('afval', 'huisafval', 12, 0.6, 'hours'),
      mc('afval', 'grofvuil', 12, 0.6, 'overnight'),
      mc('afval', 'overig-afval', 8, 0.4, 'days'),
      mc('afval', 'puin-sloopafval', 5, 0.6, 'days'),
      mc('afval', 'container-is-kapot', 5, 0.5, 'days'),
      mc('afval', 'container-glas-vol', 6),
      mc('afval', 'rolcontainer-is-vol', 4),
      mc('afval', 'bruin-en-witgoed', 3, 0.5, 'days'),
      mc('afval', 'asbest-accu', 1, 0.6, 'days'),
      mc(OPENBARE_RUIMTE, 'lozing-dumping-bodemverontreiniging', 3, 0.7, 'days'),
      mc('schoon', 'veegzwerfvuil', 8, 0.4, 'hours'),
    ],
    outcomes: [8, 25, 27, 30, 6, 4],
    closeHours: 40,
  },
  horeca: {
    incidentShare: 0.08,
    meldingShare: 0.05,
    incidents: [
      ic('geluidsoverlast-horeca', 35),
      ic('overlast-bezoekers', 25),
      ic('sluitingstijd-overschreden', 15),
      ic('alcohol-verkoop-minderjarigen', 10),
      ic('terras-overschrijding', 15),
    ],
    meldingen: [
      mc(HORECA, 'geluidsoverlast-muziek', 35),
      mc(HORECA, 'overlast-door-bezoekers-niet-op-terras', 25),
      mc(HORECA, 'overlast-terrassen', 15),
      mc(HORECA, 'geluidsoverlast-installaties', 8, 0.2, 'hours'),
      mc(HORECA, 'overig-horecabedrijven', 10),
      mc(HORECA, 'stankoverlast', 7, 0.2, 'hours'),
    ],
    outcomes: [8, 30, 32, 15, 10, 5],
    closeHours: 30,
  },
  jeugd: {
    incidentShare: 0.12,
    meldingShare: 0.06,
    incidents: [
      ic('jongerenoverlast', 45),
      ic('alcohol-jeugd', 18),
      ic('vernieling', 15, 0.6, 'hours'),
      ic('drugsoverlast', 12),
      ic('vuurwerkoverlast', 10),
    ],
    meldingen: [
      mc(PERSONEN, 'jongerenoverlast', 70),
      mc(PERSONEN, 'drank-en-drugsoverlast', 20),
      mc(PERSONEN, 'overlast-door-afsteken-vuurwerk', 10),
    ],
    outcomes: [10, 45, 30, 6, 3, 6],
    closeHours: 20,
  },
  ondermijning: {
    incidentShare: 0.04,
    meldingShare: 0.02,
    incidents: [
      ic('drugshandel-vermoeden', 30),
      ic('hennepgeur', 15),
      ic('drugsafval-aangetroffen', 10, 0.7, 'days'),
      ic('verdachte-voertuigen', 25),
      ic('illegale-bewoning', 20),
    ],
    meldingen: [
      mc('ondermijning', 'vermoeden', 60),
      mc('wonen', 'wonen-ondermijning', 15),
      mc('wonen', 'woningdelen-spookburgers', 25),
    ],
    outcomes: [8, 10, 5, 2, 15, 60],
    closeHours: 120,
  },
  parkeren: {
    incidentShare: 0.3,
    meldingShare: 0.1,
    incidents: [
      ic('foutparkeren', 35),
      ic('foutparkeren-blauwe-zone', 25),
      ic('parkeren-op-stoep', 20),
      ic('parkeren-gehandicaptenplaats', 8),
      ic('stilstaan-verboden', 12),
    ],
    meldingen: [
      mc(OPENBARE_RUIMTE, 'parkeeroverlast', 85),
      mc(OPENBARE_RUIMTE, 'auto-scooter-bromfietswrak', 15, 0.8, 'days'),
    ],
    outcomes: [3, 12, 20, 15, 48, 2],
    closeHours: 12,
  },
  honden: {
    incidentShare: 0.11,
    meldingShare: 0.07,
    incidents: [
      ic('loslopende-hond', 45),
      ic('hondenpoep', 35),
      ic('agressieve-hond', 8),
      ic('aanlijngebod-overtreden', 12),
    ],
    meldingen: [
      mc('schoon', 'uitwerpselen', 55, 0.6, 'hours'),
      mc(PERSONEN, 'loslopende-agressieve-honden', 45),
    ],
    outcomes: [6, 40, 34, 14, 4, 2],
    closeHours: 48,
  },
  woonoverlast: {
    incidentShare: 0.07,
    meldingShare: 0.07,
    incidents: [
      ic('geluidsoverlast-woning', 35),
      ic('burenoverlast', 30),
      ic('vervuilde-tuin', 15, 0.5, 'days'),
      ic('stankoverlast-woning', 20),
    ],
    meldingen: [
      mc(PERSONEN, 'overige-overlast-door-personen', 60),
      mc(OPENBARE_RUIMTE, 'stank-geluidsoverlast', 40, 0.2, 'hours'),
    ],
    outcomes: [10, 35, 25, 5, 3, 22],
    closeHours: 90,
  },
  overig: {
    incidentShare: 0.14,
    meldingShare: 0.33,
    incidents: [
      ic('wildplassen', 20),
      ic('graffiti', 15, 0.7, 'days'),
      ic('fietswrak', 15, 0.8, 'days'),
      ic('hinderlijk-object', 15),
      ic('overlast-markt', 10),
      ic('bedelen', 10),
      ic('verkeersoverlast', 15),
    ],
    meldingen: [
      mc(GROEN, 'boom', 10, 0.5, 'days'),
      mc(GROEN, 'maaien-snoeien', 10),
      mc(GROEN, 'onkruid', 6),
      mc(GROEN, 'overig-groen-en-water', 5),
      mc(WEGEN, 'lantaarnpaal-straatverlichting', 14, 0.7, 'days'),
      mc(WEGEN, 'onderhoud-stoep-straat-en-fietspad', 14, 0.6, 'days'),
      mc(WEGEN, 'straatmeubilair', 6, 0.6, 'days'),
      mc(WEGEN, 'verkeersoverlast', 6),
      mc(WEGEN, 'speelplaats', 3, 0.4, 'days'),
      mc('schoon', 'graffitiwildplak', 8, 0.7, 'days'),
      mc('schoon', 'prullenbak-vol', 6, 0.4, 'hours'),
      mc(DIEREN, 'ratten', 4),
      mc(DIEREN, 'duiven', 2),
      mc(DIEREN, 'wespen', 3),
      mc(DIEREN, 'dode-dieren', 2, 0.5, 'hours'),
      mc(DIEREN, 'ganzen', 1),
      mc(DIEREN, 'meeuwen', 1),
      mc(OPENBARE_RUIMTE, 'fietswrak', 4, 0.8, 'days'),
      mc(OPENBARE_RUIMTE, 'hinderlijk-geplaatst-object', 3, 0.5, 'days'),
      mc(OPENBARE_RUIMTE, 'bouw-sloopoverlast', 3),
      mc(OPENBARE_RUIMTE, 'markten', 1),
      mc(OPENBARE_RUIMTE, 'overig-openbare-ruimte', 3),
      mc(PERSONEN, 'daklozen-bedelen', 2),
      mc(PERSONEN, 'wildplassen-poepen-overgeven', 2, 0.5, 'hours'),
      mc('wonen', 'leegstand', 1),
      mc('wonen', 'woningkwaliteit', 1),
      mc('overig', 'overig', 3),
    ],
    outcomes: [12, 38, 28, 12, 6, 4],
    closeHours: 60,
  },
};

export const SANCTIONS: readonly Outcome[] = ['bestuurlijke strafbeschikking', 'proces-verbaal'];

export const INCIDENT_SOURCE = 'BOA-registratie';
export const RESIDENT_SOURCE = 'Signalen';

/** Partner signals, mostly from the buitengebied: who reports what. */
export const PARTNERS: readonly {
  source: string;
  weight: number;
  categories: readonly MeldingCategory[];
}[] = [
  {
    source: 'waterschap',
    weight: 30,
    categories: [
      mc(OPENBARE_RUIMTE, 'lozing-dumping-bodemverontreiniging', 70, 0.8, 'days'),
      mc('afval', 'overig-afval', 30, 0.6, 'days'),
    ],
  },
  {
    source: 'boswachter',
    weight: 25,
    categories: [
      mc('afval', 'overig-afval', 40, 0.6, 'days'),
      mc(OPENBARE_RUIMTE, 'lozing-dumping-bodemverontreiniging', 30, 0.7, 'days'),
      mc('ondermijning', 'vermoeden', 30),
    ],
  },
  {
    source: 'jager',
    weight: 15,
    categories: [mc('ondermijning', 'vermoeden', 60), mc(DIEREN, 'dode-dieren', 40, 0.5, 'days')],
  },
  { source: 'energiebedrijf', weight: 10, categories: [mc('ondermijning', 'vermoeden', 100)] },
  {
    source: 'politie',
    weight: 20,
    categories: [mc('ondermijning', 'vermoeden', 60), mc(PERSONEN, 'drank-en-drugsoverlast', 40)],
  },
];
