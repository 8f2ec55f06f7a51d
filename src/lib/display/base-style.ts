/**
 * The offline base style: drawn entirely from the municipality's own geometry (gemeente
 * and wijk boundaries, and where available water, roads and railway of the demo), so the
 * map has context without any tile server. No glyphs: the wijk and buurt names are drawn on a canvas of their own (area-names-canvas.ts).
 */
import type { FeatureCollection } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';

export interface BaseMapData {
  gemeente: FeatureCollection;
  wijken: FeatureCollection;
  buurten?: FeatureCollection;
  /** Optional context lines and water (`kind`: water | hoofdweg | weg | spoor). */
  context?: FeatureCollection;
}

export const BASE_COLORS = {
  outside: '#e8eaed',
  land: '#f7f7f2',
  water: '#a9cfe6',
  road: '#ffffff',
  roadCasing: '#b9bcc0',
  mainRoad: '#f3d9a4',
  rail: '#6b6f75',
  buurtLine: '#9aa3ad',
  wijkLine: '#4f5b66',
  gemeenteLine: '#154273',
} as const;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function buildBaseStyle(data: BaseMapData): StyleSpecification {
  const kind = (k: string) => ['==', ['get', 'kind'], k] as ['==', ['get', string], string];
  return {
    version: 8,
    name: 'wijkradar offline',
    sources: {
      gemeente: { type: 'geojson', data: data.gemeente },
      wijken: { type: 'geojson', data: data.wijken },
      buurten: { type: 'geojson', data: data.buurten ?? EMPTY },
      context: { type: 'geojson', data: data.context ?? EMPTY },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BASE_COLORS.outside } },
      { id: 'land', type: 'fill', source: 'gemeente', paint: { 'fill-color': BASE_COLORS.land } },
      {
        id: 'water-area',
        type: 'fill',
        source: 'context',
        filter: ['all', kind('water'), ['==', ['geometry-type'], 'Polygon']],
        paint: { 'fill-color': BASE_COLORS.water },
      },
      {
        id: 'water-line',
        type: 'line',
        source: 'context',
        filter: ['all', kind('water'), ['==', ['geometry-type'], 'LineString']],
        paint: {
          'line-color': BASE_COLORS.water,
          'line-width': ['interpolate', ['linear'], ['zoom'], 10, 2, 15, 8],
        },
      },
      {
        id: 'road-casing',
        type: 'line',
        source: 'context',
        filter: ['any', kind('weg'), kind('hoofdweg')],
        paint: {
          'line-color': BASE_COLORS.roadCasing,
          'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1.5, 15, 9],
        },
      },
      {
        id: 'road',
        type: 'line',
        source: 'context',
        filter: kind('weg'),
        paint: {
          'line-color': BASE_COLORS.road,
          'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.8, 15, 7],
        },
      },
      {
        id: 'main-road',
        type: 'line',
        source: 'context',
        filter: kind('hoofdweg'),
        paint: {
          'line-color': BASE_COLORS.mainRoad,
          'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1, 15, 7],
        },
      },
      {
        id: 'rail',
        type: 'line',
        source: 'context',
        filter: kind('spoor'),
        paint: { 'line-color': BASE_COLORS.rail, 'line-width': 1.5, 'line-dasharray': [3, 2] },
      },
      {
        id: 'buurt-boundary',
        type: 'line',
        source: 'buurten',
        minzoom: 12,
        paint: { 'line-color': BASE_COLORS.buurtLine, 'line-width': 0.8, 'line-dasharray': [2, 2] },
      },
      {
        id: 'wijk-boundary',
        type: 'line',
        source: 'wijken',
        paint: { 'line-color': BASE_COLORS.wijkLine, 'line-width': 1.5 },
      },
      {
        id: 'gemeente-boundary',
        type: 'line',
        source: 'gemeente',
        paint: { 'line-color': BASE_COLORS.gemeenteLine, 'line-width': 3 },
      },
    ],
  };
}
