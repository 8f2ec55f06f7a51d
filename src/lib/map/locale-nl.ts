/**
 * MapLibre's interface texts in Dutch (its `locale` option; the keys of MapLibre's
 * src/ui/default_locale.ts). Without them the buttons say "Zoom in", whatever the page's
 * language.
 */
export const MAPLIBRE_LOCALE_NL: Record<string, string> = {
  'AttributionControl.ToggleAttribution': 'Bronvermelding tonen of verbergen',
  'AttributionControl.MapFeedback': 'Fout in de kaart melden',
  'FullscreenControl.Enter': 'Volledig scherm',
  'FullscreenControl.Exit': 'Volledig scherm verlaten',
  'GeolocateControl.FindMyLocation': 'Mijn locatie zoeken',
  'GeolocateControl.LocationNotAvailable': 'Locatie niet beschikbaar',
  'LogoControl.Title': 'MapLibre-logo',
  'Map.Title': 'Kaart',
  'Marker.Title': 'Markering op de kaart',
  'NavigationControl.ResetBearing': 'Sleep om de kaart te draaien, klik voor noord boven',
  'NavigationControl.ZoomIn': 'Inzoomen',
  'NavigationControl.ZoomOut': 'Uitzoomen',
  'Popup.Close': 'Sluiten',
  'ScaleControl.Feet': 'ft',
  'ScaleControl.Meters': 'm',
  'ScaleControl.Kilometers': 'km',
  'ScaleControl.Miles': 'mijl',
  'ScaleControl.NauticalMiles': 'zeemijl',
  'GlobeControl.Enable': 'Wereldbol aan',
  'GlobeControl.Disable': 'Wereldbol uit',
  'TerrainControl.Enable': 'Reliëf aan',
  'TerrainControl.Disable': 'Reliëf uit',
  'CooperativeGesturesHandler.WindowsHelpText': 'Gebruik Ctrl + scrollen om te zoomen',
  'CooperativeGesturesHandler.MacHelpText': 'Gebruik ⌘ + scrollen om te zoomen',
  'CooperativeGesturesHandler.MobileHelpText': 'Gebruik twee vingers om de kaart te verplaatsen',
};
