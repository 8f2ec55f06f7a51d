import { describe, expect, it } from 'vitest';
import {
  chosenTheme,
  normalizeLabel,
  themeForLabel,
  themeLabels,
  withChosenTheme,
} from '../../src/lib/data/theme-labels';
import { THEME_LABELS, THEMES } from '../../src/lib/data/themes';

describe('normalizeLabel', () => {
  it('ignores case, accents, punctuation and white space', () => {
    expect(normalizeLabel('Overlast café')).toBe('overlast cafe');
    expect(normalizeLabel('  OVERLAST   Cafe. ')).toBe('overlast cafe');
    expect(normalizeLabel('Jeugd-overlast')).toBe('jeugd overlast');
  });

  it('treats /, -, & and the word "en" as the same join', () => {
    const forms = [
      'Horeca / Alcoholwet',
      'horeca-alcoholwet',
      'Horeca & Alcoholwet',
      'Horeca en Alcoholwet',
      'horeca-en-alcoholwet',
    ];
    expect(new Set(forms.map(normalizeLabel))).toEqual(new Set(['horeca alcoholwet']));
  });

  it('makes a Signalen slug equal to its display name', () => {
    expect(normalizeLabel('overlast-bedrijven-en-horeca')).toBe(
      normalizeLabel('Overlast Bedrijven en Horeca'),
    );
    expect(normalizeLabel('drank-en-drugsoverlast')).toBe(
      normalizeLabel('Drank- en drugsoverlast'),
    );
    expect(normalizeLabel('Loslopende / agressieve honden')).toBe(
      normalizeLabel('loslopende-agressieve-honden'),
    );
  });

  it('keeps "en" inside words and leaves nothing of punctuation alone', () => {
    expect(normalizeLabel('Wonen')).toBe('wonen');
    expect(normalizeLabel('Enkele ENERGIE')).toBe('enkele energie');
    expect(normalizeLabel(' / - ')).toBe('');
  });
});

describe('themeForLabel', () => {
  it("matches the app's own theme names and keys", () => {
    for (const theme of THEMES) {
      expect(themeForLabel(theme)).toBe(theme);
      expect(themeForLabel(THEME_LABELS[theme])).toBe(theme);
    }
    expect(themeForLabel('Jeugdoverlast')).toBe('jeugd');
  });

  it('matches the Dutch labels of real exports', () => {
    expect(themeForLabel('Horeca / Alcoholwet')).toBe('horeca');
    expect(themeForLabel('Overlast café')).toBe('horeca');
    expect(themeForLabel('PARKEEROVERLAST')).toBe('parkeren');
    expect(themeForLabel('Burenoverlast')).toBe('woonoverlast');
  });

  it('matches Signalen main and sub categories by name and by slug', () => {
    expect(themeForLabel('Overlast Bedrijven en Horeca')).toBe('horeca');
    expect(themeForLabel('overlast-bedrijven-en-horeca')).toBe('horeca');
    expect(themeForLabel('Jongerenoverlast')).toBe('jeugd');
    expect(themeForLabel('Drank- en drugsoverlast')).toBe('jeugd');
    expect(themeForLabel('Loslopende / agressieve honden')).toBe('honden');
    expect(themeForLabel('Container bijplaatsing')).toBeNull(); // afval/* needs its main
    expect(themeForLabel('Afval')).toBe('afval');
  });

  it('follows an edited mapping table and answers null for the unknown', () => {
    expect(themeForLabel('Graffiti')).toBeNull();
    expect(
      themeForLabel('Graffiti wildplak', [
        { main: 'schoon', sub: 'graffitiwildplak', theme: 'afval' },
      ]),
    ).toBeNull();
    expect(
      themeForLabel('graffiti-wildplak', [
        { main: 'schoon', sub: 'graffiti-wildplak', theme: 'afval' },
      ]),
    ).toBe('afval');
    expect(themeForLabel('')).toBeNull();
  });

  it('gives every label exactly one theme', () => {
    const byLabel = new Map<string, string>();
    for (const { label, theme } of themeLabels()) {
      const key = normalizeLabel(label);
      expect(byLabel.get(key) ?? theme, label).toBe(theme);
      byLabel.set(key, theme);
    }
  });
});

describe('the theme chosen per listed category', () => {
  it('is found and replaced under any spelling of the category', () => {
    const saved = { 'Overlast café': 'horeca', Graffiti: 'overig' } as const;
    expect(chosenTheme(saved, 'OVERLAST CAFE')).toBe('horeca');
    expect(chosenTheme(saved, 'Wildplassen')).toBeNull();
    expect(withChosenTheme(saved, 'graffiti', 'afval')).toEqual({
      'Overlast café': 'horeca',
      graffiti: 'afval',
    });
    expect(withChosenTheme(saved, 'overlast-cafe', null)).toEqual({ Graffiti: 'overig' });
  });
});
