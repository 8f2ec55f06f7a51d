/**
 * Briefing controls without a page: which key does what, the slide position with and
 * without auto-advance, and the briefing's settings read from and written to the URL.
 */
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_DAGDELEN } from '../../src/lib/analysis/briefing';
import { briefingQuery, parseBriefingView } from '../../src/lib/state/briefing/briefing-url';
import { deckActionFor, SlideDeck } from '../../src/lib/state/briefing/slide-deck.svelte';

describe('keyboard', () => {
  it('maps arrows, space, Home/End, F and Esc', () => {
    expect(['ArrowRight', ' ', 'PageDown'].map(deckActionFor)).toEqual(['next', 'next', 'next']);
    expect(['ArrowLeft', 'PageUp'].map(deckActionFor)).toEqual(['previous', 'previous']);
    expect(['Home', 'End', 'f', 'F', 'Escape'].map(deckActionFor)).toEqual([
      'first',
      'last',
      'fullscreen',
      'fullscreen',
      'escape',
    ]);
    expect(deckActionFor('a')).toBeNull();
  });
});

describe('SlideDeck', () => {
  it('stays within the slides by hand', () => {
    const deck = new SlideDeck(5);
    deck.apply('previous');
    expect(deck.index).toBe(0);
    deck.apply('last');
    deck.apply('next');
    expect(deck.index).toBe(4);
    expect(deck.apply('fullscreen')).toBe(false);
  });
  it('advances on a timer, wraps around, and stops on pause', () => {
    vi.useFakeTimers();
    try {
      const deck = new SlideDeck(3);
      deck.seconds = 10;
      deck.startAuto();
      vi.advanceTimersByTime(10_000);
      expect(deck.index).toBe(1);
      vi.advanceTimersByTime(20_000);
      expect(deck.index).toBe(0); // wrapped after the last slide
      deck.toggleAuto();
      expect(deck.auto).toBe(false);
      vi.advanceTimersByTime(60_000);
      expect(deck.index).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('briefing URL', () => {
  const fallback = { date: '2026-11-23', dagdeel: DEFAULT_DAGDELEN[3] };
  it('falls back to the next dagdeel and to defaults for invalid values', () => {
    expect(parseBriefingView(new URLSearchParams(''), fallback)).toEqual({
      date: '2026-11-23',
      dagdeel: 'avond',
      weeks: 6,
      recentHours: 24,
      schouwDays: 90,
    });
    const odd = new URLSearchParams('datum=gisteren&dagdeel=lunch&weken=5&terug=48');
    expect(parseBriefingView(odd, fallback)).toMatchObject({
      date: '2026-11-23',
      dagdeel: 'avond',
      weeks: 6,
      recentHours: 24,
    });
  });
  it('round-trips the settings', () => {
    const settings = {
      date: '2026-07-17',
      dagdeel: 'nacht',
      weeks: 12,
      recentHours: 72,
      schouwDays: 30,
    };
    const query = briefingQuery(settings);
    expect(query).toBe('?datum=2026-07-17&dagdeel=nacht&weken=12&terug=72&schouw=30');
    expect(parseBriefingView(new URLSearchParams(query), fallback)).toEqual(settings);
  });
});
